package replicas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Journey is a user's path through a service: requests sent in order by one
// client that keeps cookies, as a browser does.
type Journey struct {
	Steps []Step `yaml:"steps" json:"steps"`
	// Ignore lists the parts of every response that legitimately differ
	// from run to run: "json:$.served_at", "header:Location", or
	// "regex:id=\w+" for text bodies.
	Ignore []string `yaml:"ignore,omitempty" json:"ignore,omitempty"`
}

// Step is one request of a journey. Path, header values, Body and the
// values of Form and JSON may use {{name}} for a value captured by an
// earlier step.
type Step struct {
	Name    string            `yaml:"name,omitempty" json:"name,omitempty"`
	Method  string            `yaml:"method,omitempty" json:"method,omitempty"` // GET when empty
	Path    string            `yaml:"path" json:"path"`
	Headers map[string]string `yaml:"headers,omitempty" json:"headers,omitempty"`
	Body    string            `yaml:"body,omitempty" json:"body,omitempty"`
	// Form is sent as an application/x-www-form-urlencoded body.
	Form map[string]string `yaml:"form,omitempty" json:"form,omitempty"`
	// JSON is sent as an application/json body.
	JSON any `yaml:"json,omitempty" json:"json,omitempty"`
	// Capture names values taken from the response for later steps:
	// "json:$.token", "header:Location" or "regex:id=(\w+)" (the first
	// group, or the whole match when there is none).
	Capture map[string]string `yaml:"capture,omitempty" json:"capture,omitempty"`
	// Ignore adds rules, as Journey.Ignore, for this step's response only.
	Ignore []string `yaml:"ignore,omitempty" json:"ignore,omitempty"`
	// Status, when set, is the status the reference must answer; another
	// means the journey does not fit the service, an error.
	Status int `yaml:"status,omitempty" json:"status,omitempty"`
}

// Label is how reports name the step: its name and request line, counting
// steps from 1.
func (s Step) Label(i int) string {
	line := s.method() + " " + s.Path
	if s.Name == "" {
		return fmt.Sprintf("step %d %s", i+1, line)
	}
	return fmt.Sprintf("step %d %q %s", i+1, s.Name, line)
}

func (s Step) method() string {
	if s.Method == "" {
		return "GET"
	}
	return strings.ToUpper(s.Method)
}

// LoadJourney reads a journey file: a HAR file when its name ends in .har,
// YAML (or JSON) otherwise.
func LoadJourney(path string) (*Journey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var j *Journey
	if strings.EqualFold(filepath.Ext(path), ".har") {
		j, err = ParseHAR(data)
	} else {
		j, err = ParseJourney(data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return j, nil
}

// ParseJourney parses a journey in YAML; JSON is YAML too. Unknown fields
// are errors, so that a misspelt key does not silently do nothing.
func ParseJourney(data []byte) (*Journey, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var j Journey
	if err := dec.Decode(&j); err != nil && err != io.EOF {
		return nil, err
	}
	if err := j.Validate(); err != nil {
		return nil, err
	}
	return &j, nil
}

// varRef matches a {{name}} reference to a captured value.
var varRef = regexp.MustCompile(`\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}`)

// Validate checks that the journey has steps, that its rules parse, and
// that every {{name}} is captured by an earlier step.
func (j *Journey) Validate() error {
	if len(j.Steps) == 0 {
		return fmt.Errorf("journey has no steps")
	}
	if _, err := parseRules(j.Ignore); err != nil {
		return err
	}
	known := map[string]bool{}
	for i, s := range j.Steps {
		if err := s.validate(known); err != nil {
			return fmt.Errorf("%s: %v", s.Label(i), err)
		}
		for name := range s.Capture {
			known[name] = true
		}
	}
	return nil
}

func (s Step) validate(known map[string]bool) error {
	if !strings.HasPrefix(s.Path, "/") && !strings.HasPrefix(s.Path, "{{") {
		return fmt.Errorf("path %q does not start with /", s.Path)
	}
	if n := bodies(s); n > 1 {
		return fmt.Errorf("body, form and json are exclusive")
	}
	if _, err := parseRules(s.Ignore); err != nil {
		return err
	}
	for name, spec := range s.Capture {
		if _, err := parseCapture(spec); err != nil {
			return fmt.Errorf("capture %s: %v", name, err)
		}
	}
	for _, name := range s.references() {
		if !known[name] {
			return fmt.Errorf("{{%s}} is not captured by an earlier step", name)
		}
	}
	return nil
}

func bodies(s Step) int {
	n := 0
	for _, set := range []bool{s.Body != "", len(s.Form) > 0, s.JSON != nil} {
		if set {
			n++
		}
	}
	return n
}

// references lists the names a step uses, in a stable order.
func (s Step) references() []string {
	texts := []string{s.Path, s.Body}
	for _, m := range []map[string]string{s.Headers, s.Form} {
		for k, v := range m {
			texts = append(texts, k, v)
		}
	}
	if s.JSON != nil {
		data, _ := json.Marshal(jsonable(s.JSON))
		texts = append(texts, string(data))
	}
	var names []string
	for _, t := range texts {
		for _, m := range varRef.FindAllStringSubmatch(t, -1) {
			names = append(names, m[1])
		}
	}
	sort.Strings(names)
	return names
}

// expand replaces every {{name}} in text by its captured value.
func expand(text string, vars map[string]string) string {
	return varRef.ReplaceAllStringFunc(text, func(ref string) string {
		return vars[varRef.FindStringSubmatch(ref)[1]]
	})
}

// expandJSON replaces references in every string of a decoded YAML value.
func expandJSON(v any, vars map[string]string) any {
	switch v := v.(type) {
	case string:
		return expand(v, vars)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = expandJSON(e, vars)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = expandJSON(e, vars)
		}
		return out
	}
	return v
}

// jsonable turns the map[any]any that YAML may produce for nested maps
// into values encoding/json accepts.
func jsonable(v any) any {
	switch v := v.(type) {
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[fmt.Sprint(k)] = jsonable(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = jsonable(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonable(e)
		}
		return out
	}
	return v
}

// encodeForm encodes a form in key order, after expanding references.
func encodeForm(form map[string]string, vars map[string]string) string {
	values := url.Values{}
	for k, v := range form {
		values.Set(expand(k, vars), expand(v, vars))
	}
	return values.Encode()
}
