package replicas

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// response is what one step got back.
type response struct {
	status int
	header http.Header
	body   []byte
	err    string // the request failed: no response at all
}

// view is a response after the ignore rules: the part that is compared.
// Headers are not compared, except Location, where a redirect goes (a
// replica that does not know the session often redirects to a login page).
type view struct {
	err      string
	status   int
	location string
	isJSON   bool
	json     any
	text     string
}

func makeView(r *response, rules []selector) view {
	v := view{err: r.err, status: r.status}
	if r.err != "" {
		return v
	}
	v.location = r.header.Get("Location")
	body := r.body
	for _, sel := range rules {
		switch {
		case sel.header == "Location":
			v.location = ""
		case sel.re != nil:
			body = sel.re.ReplaceAll(body, []byte(ignored))
		}
	}
	var decoded any
	if len(body) > 0 && json.Unmarshal(body, &decoded) == nil {
		v.isJSON = true
		for _, sel := range rules {
			if sel.path != nil {
				decoded = sel.path.remove(decoded)
			}
		}
		v.json = withoutTimes(decoded, time.Now())
		return v
	}
	v.text = textWithoutTimes(string(body))
	return v
}

// noise is what differed between two reference runs on fresh instances:
// it differs whatever the number of replicas, so it is not compared.
type noise struct {
	Status   bool     `json:"status,omitempty"`
	Location bool     `json:"location,omitempty"`
	Body     bool     `json:"body,omitempty"`   // the whole body
	Paths    []string `json:"paths,omitempty"`  // JSON values
	Tokens   []int    `json:"tokens,omitempty"` // words of a text body
}

func (n noise) empty() bool {
	return !n.Status && !n.Location && !n.Body && len(n.Paths) == 0 && len(n.Tokens) == 0
}

// String says what is not compared, for reports.
func (n noise) String() string {
	var parts []string
	if n.Status {
		parts = append(parts, "status")
	}
	if n.Location {
		parts = append(parts, "Location")
	}
	switch {
	case n.Body:
		parts = append(parts, "body")
	case len(n.Paths) > 0:
		parts = append(parts, strings.Join(n.Paths, ", "))
	case len(n.Tokens) > 0:
		parts = append(parts, fmt.Sprintf("%d words of the body", len(n.Tokens)))
	}
	return strings.Join(parts, ", ")
}

// learnNoise compares two reference views.
func learnNoise(a, b view) noise {
	var n noise
	if a.err != b.err || a.status != b.status {
		n.Status, n.Location, n.Body = true, true, true
		return n
	}
	n.Location = a.location != b.location
	switch {
	case a.isJSON != b.isJSON:
		n.Body = true
	case a.isJSON:
		n.Paths = jsonDiff(a.json, b.json, "$", nil)
		n.Body = slices.Contains(n.Paths, "$")
	default:
		n.Tokens, n.Body = tokenDiff(a.text, b.text)
	}
	return n
}

// differences describes how got differs from the reference, leaving out
// the noise; none means they match.
func differences(ref, got view, n noise) []string {
	switch {
	case ref.err != got.err && !n.Status:
		return []string{"request: " + orNone(ref.err) + " → " + orNone(got.err)}
	case ref.status != got.status && !n.Status:
		return []string{fmt.Sprintf("status %d → %d", ref.status, got.status)}
	}
	var out []string
	if ref.location != got.location && !n.Location {
		out = append(out, fmt.Sprintf("Location %q → %q", ref.location, got.location))
	}
	if n.Body {
		return out
	}
	return append(out, bodyDifferences(ref, got, n)...)
}

func bodyDifferences(ref, got view, n noise) []string {
	if ref.isJSON != got.isJSON {
		return []string{"body: JSON on one side only"}
	}
	if ref.isJSON {
		var out []string
		for _, p := range jsonDiff(ref.json, got.json, "$", nil) {
			if !covered(p, n.Paths) {
				out = append(out, "body "+p)
			}
		}
		return out
	}
	if textDiffers(ref.text, got.text, n.Tokens) {
		return []string{"body"}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "ok"
	}
	return s
}

// covered reports whether path p is one of noisy or inside one.
func covered(p string, noisy []string) bool {
	for _, q := range noisy {
		if p == q || strings.HasPrefix(p, q+".") || strings.HasPrefix(p, q+"[") {
			return true
		}
	}
	return false
}

// maxPaths bounds the paths one comparison lists.
const maxPaths = 20

// jsonDiff appends the paths at which a and b differ: a value, an array
// of another length, a key on one side only.
func jsonDiff(a, b any, path string, out []string) []string {
	if len(out) >= maxPaths {
		return out
	}
	switch a := a.(type) {
	case map[string]any:
		if b, ok := b.(map[string]any); ok {
			return mapDiff(a, b, path, out)
		}
	case []any:
		if b, ok := b.([]any); ok && len(a) == len(b) {
			return arrayDiff(a, b, path, out)
		}
	}
	if !reflect.DeepEqual(a, b) {
		out = append(out, path)
	}
	return out
}

// arrayDiff compares arrays element by element, but arrays that hold the
// same elements in another order are equal: a list built from a map or
// a Redis set has no order, and a replica may answer it in another one.
func arrayDiff(a, b []any, path string, out []string) []string {
	var diffs []string
	for i := range a {
		diffs = jsonDiff(a[i], b[i], path+"["+strconv.Itoa(i)+"]", diffs)
	}
	if len(diffs) == 0 || sameElements(a, b) {
		return out
	}
	return append(out, diffs...)
}

func sameElements(a, b []any) bool {
	enc := func(xs []any) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			data, _ := json.Marshal(x) // sorts map keys
			out[i] = string(data)
		}
		sort.Strings(out)
		return out
	}
	return slices.Equal(enc(a), enc(b))
}

func mapDiff(a, b map[string]any, path string, out []string) []string {
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		av, aok := a[k]
		bv, bok := b[k]
		if aok != bok {
			out = append(out, keyPath(path, k))
			continue
		}
		out = jsonDiff(av, bv, keyPath(path, k), out)
	}
	return out
}

var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func keyPath(path, key string) string {
	if plainKey.MatchString(key) {
		return path + "." + key
	}
	return path + "['" + key + "']"
}

// word splits text into words and single other characters, so that a
// timestamp or a random ID changes words without moving the others. Words
// take in the characters of base64, decimals and dates, whose random
// values would otherwise split into varying numbers of words.
var word = regexp.MustCompile(`[\p{L}\p{N}_+/=.\-]+|[^\p{L}\p{N}_+/=.\-]`)

// tokenDiff lists the words at which two texts differ; when they have
// different numbers of words no position is comparable, and whole is set.
func tokenDiff(a, b string) (positions []int, whole bool) {
	if a == b {
		return nil, false
	}
	wa, wb := word.FindAllString(a, -1), word.FindAllString(b, -1)
	if len(wa) != len(wb) {
		return nil, true
	}
	for i := range wa {
		if wa[i] != wb[i] {
			positions = append(positions, i)
		}
	}
	return positions, false
}

// textDiffers compares two texts except at the noisy word positions.
func textDiffers(ref, got string, noisy []int) bool {
	if ref == got {
		return false
	}
	if len(noisy) == 0 {
		return true
	}
	positions, whole := tokenDiff(ref, got)
	if whole {
		return true
	}
	for _, p := range positions {
		if _, ok := slices.BinarySearch(noisy, p); !ok {
			return true
		}
	}
	return false
}
