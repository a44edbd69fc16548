package replicas

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// A selector picks part of a response: a JSON value by path, a header, or
// the text a regular expression matches in the body. Captures and ignore
// rules are both written as selectors: "json:$.a.b[0]", "header:Location",
// "regex:id=(\w+)".
type selector struct {
	spec   string
	path   jsonPath       // json:
	header string         // header:
	re     *regexp.Regexp // regex:
}

func parseSelector(spec string) (selector, error) {
	kind, arg, ok := strings.Cut(spec, ":")
	if !ok || arg == "" {
		return selector{}, fmt.Errorf("%q: want json:PATH, header:NAME or regex:EXPR", spec)
	}
	sel := selector{spec: spec}
	var err error
	switch kind {
	case "json":
		sel.path, err = parseJSONPath(arg)
	case "header":
		sel.header = http.CanonicalHeaderKey(arg)
	case "regex":
		sel.re, err = regexp.Compile(arg)
	default:
		err = fmt.Errorf("unknown kind %q", kind)
	}
	if err != nil {
		return selector{}, fmt.Errorf("%q: %v", spec, err)
	}
	return sel, nil
}

func parseCapture(spec string) (selector, error) { return parseSelector(spec) }

func parseRules(specs []string) ([]selector, error) {
	out := make([]selector, 0, len(specs))
	for _, s := range specs {
		sel, err := parseSelector(s)
		if err != nil {
			return nil, fmt.Errorf("ignore %v", err)
		}
		out = append(out, sel)
	}
	return out, nil
}

// capture returns the value sel picks from a response, and whether it
// found one.
func (sel selector) capture(r *response) (string, bool) {
	switch {
	case sel.header != "":
		v := r.header.Get(sel.header)
		return v, v != ""
	case sel.re != nil:
		m := sel.re.FindSubmatch(r.body)
		if m == nil {
			return "", false
		}
		if len(m) > 1 {
			return string(m[1]), true
		}
		return string(m[0]), true
	}
	var v any
	if err := json.Unmarshal(r.body, &v); err != nil {
		return "", false
	}
	found := sel.path.lookup(v)
	if len(found) == 0 {
		return "", false
	}
	return scalar(found[0]), true
}

// scalar is a JSON value as a later step would write it: strings bare,
// everything else as JSON.
func scalar(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	data, _ := json.Marshal(v)
	return string(data)
}

// jsonPath is a parsed path such as $.items[0].id or $.items[*]['a b'].
type jsonPath []pathSeg

type pathSeg struct {
	key   string
	index int  // when key is empty and !all
	all   bool // [*] or .*
}

var pathToken = regexp.MustCompile(`^(?:\.([^.\[\]]+)|\[(\d+)\]|\[\*\]|\['([^']*)'\]|\["([^"]*)"\])`)

func parseJSONPath(s string) (jsonPath, error) {
	rest, ok := strings.CutPrefix(s, "$")
	if !ok {
		return nil, fmt.Errorf("a JSON path starts with $")
	}
	var p jsonPath
	for rest != "" {
		m := pathToken.FindStringSubmatch(rest)
		if m == nil {
			return nil, fmt.Errorf("bad JSON path at %q", rest)
		}
		p = append(p, segOf(m))
		rest = rest[len(m[0]):]
	}
	return p, nil
}

func segOf(m []string) pathSeg {
	switch {
	case m[1] == "*":
		return pathSeg{all: true}
	case m[1] != "":
		return pathSeg{key: m[1]}
	case m[2] != "":
		n, _ := strconv.Atoi(m[2])
		return pathSeg{index: n}
	case m[0] == "[*]":
		return pathSeg{all: true}
	}
	return pathSeg{key: m[3] + m[4]}
}

// lookup returns the values the path selects in v.
func (p jsonPath) lookup(v any) []any {
	if len(p) == 0 {
		return []any{v}
	}
	var out []any
	for _, child := range p[0].children(v) {
		out = append(out, p[1:].lookup(child)...)
	}
	return out
}

func (s pathSeg) children(v any) []any {
	switch v := v.(type) {
	case map[string]any:
		if s.all {
			out := make([]any, 0, len(v))
			for _, c := range v {
				out = append(out, c)
			}
			return out
		}
		if c, ok := v[s.key]; ok && s.key != "" {
			return []any{c}
		}
	case []any:
		if s.all {
			return v
		}
		if s.key == "" && s.index < len(v) {
			return []any{v[s.index]}
		}
	}
	return nil
}

// ignored stands in an array for an element an ignore rule removed, so
// the positions of the others do not shift.
const ignored = "(ignored)"

// remove deletes what the path selects from v, in place, and returns v
// (or ignored when the path selects v itself).
func (p jsonPath) remove(v any) any {
	if len(p) == 0 {
		return ignored
	}
	s, rest := p[0], p[1:]
	switch v := v.(type) {
	case map[string]any:
		for k, c := range v {
			if !s.all && k != s.key {
				continue
			}
			if len(rest) == 0 {
				delete(v, k)
			} else {
				v[k] = rest.remove(c)
			}
		}
	case []any:
		for i, c := range v {
			if s.all || (s.key == "" && s.index == i) {
				v[i] = rest.remove(c)
			}
		}
	}
	return v
}
