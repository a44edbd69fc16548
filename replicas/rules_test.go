package replicas

import (
	"net/http"
	"slices"
	"testing"
)

func jsonResponse(body string) *response {
	return &response{status: 200, header: http.Header{"Location": {"/cart?id=7"}}, body: []byte(body)}
}

func TestCapture(t *testing.T) {
	r := jsonResponse(`{"token": "abc", "user": {"id": 42, "tags": ["a", "b"]}, "odd key": true}`)
	for spec, want := range map[string]string{
		`json:$.token`:           "abc",
		`json:$.user.id`:         "42",
		`json:$.user.tags[1]`:    "b",
		`json:$.user.tags[*]`:    "a",
		`json:$['odd key']`:      "true",
		`json:$.user`:            `{"id":42,"tags":["a","b"]}`,
		`header:location`:        "/cart?id=7",
		`regex:"token": "(\w+)"`: "abc",
		`regex:\d+`:              "42",
	} {
		sel, err := parseCapture(spec)
		if err != nil {
			t.Fatalf("%s: %v", spec, err)
		}
		if got, ok := sel.capture(r); !ok || got != want {
			t.Errorf("%s: got %q, %v; want %q", spec, got, ok, want)
		}
	}
	for _, spec := range []string{`json:$.missing`, `json:$.user.tags[5]`, `header:X-None`, `regex:nothing`} {
		sel, _ := parseCapture(spec)
		if got, ok := sel.capture(r); ok {
			t.Errorf("%s: captured %q from nothing", spec, got)
		}
	}
}

func TestBadSelectors(t *testing.T) {
	for _, spec := range []string{"token", "json:token", "json:$.a[", "regex:(", "xml:/a", "header:"} {
		if _, err := parseSelector(spec); err == nil {
			t.Errorf("%q parsed", spec)
		}
	}
}

func TestIgnoreRules(t *testing.T) {
	rules, err := parseRules([]string{"json:$.served_at", "json:$.items[*].id", "header:Location"})
	if err != nil {
		t.Fatal(err)
	}
	a := makeView(jsonResponse(`{"served_at": 1, "items": [{"id": "x", "n": 1}], "total": 3}`), rules)
	b := makeView(&response{status: 200, header: http.Header{"Location": {"/other"}},
		body: []byte(`{"items": [{"id": "y", "n": 1}], "total": 3, "served_at": 2}`)}, rules)
	if d := differences(a, b, noise{}); len(d) > 0 {
		t.Errorf("ignored parts compared: %v", d)
	}
	c := makeView(jsonResponse(`{"items": [{"id": "y", "n": 2}], "total": 3}`), rules)
	if d := differences(a, c, noise{}); !slices.Equal(d, []string{"body $.items[0].n"}) {
		t.Errorf("differences %v, want body $.items[0].n", d)
	}
}

func TestRegexIgnore(t *testing.T) {
	rules, _ := parseRules([]string{`regex:csrf=\w+`})
	a := makeView(&response{status: 200, body: []byte("<form>csrf=abc</form>")}, rules)
	b := makeView(&response{status: 200, body: []byte("<form>csrf=xyz</form>")}, rules)
	if d := differences(a, b, noise{}); len(d) > 0 {
		t.Errorf("regex-ignored text compared: %v", d)
	}
}

func TestExpand(t *testing.T) {
	vars := map[string]string{"token": "abc", "id": "7"}
	if got := expand("/orders/{{id}}?t={{ token }}&u={{unknown}}", vars); got != "/orders/7?t=abc&u=" {
		t.Errorf("expand: %q", got)
	}
	got := expandJSON(map[string]any{"a": []any{"{{id}}", 3}}, vars)
	if got.(map[string]any)["a"].([]any)[0] != "7" {
		t.Errorf("expandJSON: %v", got)
	}
}
