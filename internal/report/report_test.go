package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/statelint/statelint/internal/report"
)

func TestNormalize(t *testing.T) {
	inTest := session
	inTest.Package = "m [m.test]"
	plain := session
	plain.Package = "m"
	got := report.Normalize([]report.Finding{inTest, counter, plain, counter})
	want := []report.Finding{counter, plain}
	if len(got) != len(want) || got[0].Message != want[0].Message || got[1].Package != "m" {
		t.Errorf("Normalize = %+v, want %+v", got, want)
	}
}

func TestWriteText(t *testing.T) {
	f := counter
	f.Related = []report.Related{{Pos: report.Position{File: "main.go", Line: 9, Column: 6}, Message: "handler handleHit"}}
	var buf bytes.Buffer
	if err := report.WriteText(&buf, []report.Finding{f, session}); err != nil {
		t.Fatal(err)
	}
	want := `main.go:10:2: hits is incremented in handleHit (GET /hit) [globalstate/counter]
	main.go:9:6: handler handleHit
main.go:20:2: sessions is written in handleLogin (POST /login) [memstore/session]
`
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	f := counter
	f.Package = "example.com/m"
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, []report.Finding{f}); err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		t.Fatal(err)
	}
	d := tree["example.com/m"]["globalstate"][0]
	if d["posn"] != "main.go:10:2" || d["end"] != "main.go:10:2" || d["category"] != "counter" || d["message"] != counter.Message {
		t.Errorf("diagnostic %v", d)
	}
}
