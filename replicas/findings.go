package replicas

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// Finding is a statelint finding, as statelint -format=json and
// go vet -json write it, with the routes its message names.
type Finding struct {
	Posn     string   `json:"posn"`
	Check    string   `json:"check"`
	Category string   `json:"category"`
	Message  string   `json:"message"`
	Routes   []string `json:"routes,omitempty"`
}

// Summary is the finding in one line: position, check and kind, and the
// message up to its first colon (what is kept where, by which handler).
func (f Finding) Summary() string {
	head, _, _ := strings.Cut(f.Message, ": ")
	return fmt.Sprintf("%s: %s [%s/%s]", f.Posn, head, f.Check, f.Category)
}

type jsonFinding struct {
	Posn     string `json:"posn"`
	Category string `json:"category"`
	Message  string `json:"message"`
}

// ReadFindings reads statelint's JSON output, or go vet -json's stream of
// such objects (its "# package" lines are skipped).
func ReadFindings(r io.Reader) ([]Finding, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(withoutComments(data)))
	var out []Finding
	for dec.More() {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("not statelint JSON: %v", err)
		}
		out = append(out, flatten(tree)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Posn < out[j].Posn })
	return out, nil
}

func withoutComments(data []byte) []byte {
	var buf bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if !strings.HasPrefix(strings.TrimSpace(sc.Text()), "#") {
			buf.Write(sc.Bytes())
			buf.WriteByte('\n')
		}
	}
	return buf.Bytes()
}

// flatten turns package -> check -> diagnostics into findings; an entry
// that is not a list (go vet's error objects) is skipped.
func flatten(tree map[string]map[string]json.RawMessage) []Finding {
	var out []Finding
	for _, byCheck := range tree {
		for check, raw := range byCheck {
			var diags []jsonFinding
			if json.Unmarshal(raw, &diags) != nil {
				continue
			}
			for _, d := range diags {
				out = append(out, Finding{Posn: d.Posn, Check: check, Category: d.Category,
					Message: d.Message, Routes: routesIn(d.Message)})
			}
		}
	}
	return out
}

// handlerFor is how statelint's messages name a handler's route.
var handlerFor = regexp.MustCompile(`handler for "([^"]+)"`)

func routesIn(msg string) []string {
	var out []string
	for _, m := range handlerFor.FindAllStringSubmatch(msg, -1) {
		out = append(out, m[1])
	}
	return out
}

// matches reports whether any route of f serves method and path.
func (f Finding) matches(method, path string) bool {
	for _, r := range f.Routes {
		if routeMatches(r, method, path) {
			return true
		}
	}
	return false
}

// routeMatches matches a route as handlers register it: an optional
// method, an optional host, then a path pattern in the style of ServeMux
// ({id}, {rest...}, a trailing / for a subtree), chi or gorilla ({id}),
// httprouter, gin, echo and fiber (:id, *rest).
func routeMatches(route, method, path string) bool {
	pattern := route
	if m, rest, ok := strings.Cut(route, " "); ok {
		if !strings.EqualFold(m, method) && !(m == "GET" && method == "HEAD") {
			return false
		}
		pattern = strings.TrimSpace(rest)
	}
	if i := strings.Index(pattern, "/"); i > 0 {
		pattern = pattern[i:] // a host
	}
	path, _, _ = strings.Cut(path, "?")
	return segmentsMatch(strings.Split(pattern, "/"), strings.Split(path, "/"))
}

func segmentsMatch(pattern, path []string) bool {
	for i, seg := range pattern {
		switch {
		case isRest(seg):
			return true
		case seg == "" && i == len(pattern)-1 && i > 0:
			return len(path) >= len(pattern) // a subtree: "/static/"
		case i >= len(path):
			return false
		case seg == "{$}":
			return path[i] == "" && i == len(path)-1
		case !isWildcard(seg) && seg != path[i]:
			return false
		}
	}
	return len(pattern) == len(path)
}

func isRest(seg string) bool {
	return strings.HasPrefix(seg, "*") || (strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "...}"))
}

func isWildcard(seg string) bool {
	return strings.HasPrefix(seg, ":") || (strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && seg != "{$}")
}
