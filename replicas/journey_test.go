package replicas

import (
	"strings"
	"testing"
)

func TestParseJourney(t *testing.T) {
	j, err := ParseJourney([]byte(`
steps:
  - name: login
    method: post
    path: /login
    json: {user: ana, roles: [a]}
    capture: {token: "json:$.token"}
  - path: /cart
    headers: {Authorization: "Bearer {{token}}"}
ignore: ["json:$.served_at", "header:Date"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := j.Steps[0].Label(0); got != `step 1 "login" POST /login` {
		t.Errorf("label %q", got)
	}
	if got := j.Steps[1].Label(1); got != "step 2 GET /cart" {
		t.Errorf("label %q", got)
	}
	req, err := newRequest(t.Context(), "http://h", j.Steps[0], nil)
	if err != nil || req.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("%v %v", req, err)
	}
	// JSON is YAML too.
	if _, err := ParseJourney([]byte(`{"steps": [{"path": "/"}]}`)); err != nil {
		t.Error(err)
	}
}

func TestJourneyErrors(t *testing.T) {
	for text, want := range map[string]string{
		`steps: []`: "no steps",
		`steps: [{path: /a, headers: {X: "{{t}}"}}]`:          "{{t}} is not captured by an earlier step",
		`steps: [{path: /a, capture: {t: "nope"}}]`:           "capture t",
		`steps: [{path: a}]`:                                  "does not start with /",
		`steps: [{path: /a, body: x, form: {a: b}}]`:          "exclusive",
		`steps: [{path: /a, methd: GET}]`:                     "methd",
		`{steps: [{path: /a}], ignore: ["json:items"]}`:       "ignore",
		`steps: [{path: "/{{t}}", capture: {t: "header:X"}}]`: "not captured",
	} {
		_, err := ParseJourney([]byte(text))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", text, err, want)
		}
	}
}
