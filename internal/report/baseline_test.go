package report_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/statelint/statelint/internal/report"
)

func finding(file string, line int, check, category, msg string) report.Finding {
	return report.Finding{
		Check: check, Category: category, Message: msg,
		Pos: report.Position{File: file, Line: line, Column: 2},
	}
}

var (
	counter = finding("main.go", 10, "globalstate", "counter", "hits is incremented in handleHit (GET /hit)")
	session = finding("main.go", 20, "memstore", "session", "sessions is written in handleLogin (POST /login)")
)

// moved returns f at another line, as after an edit above it.
func moved(f report.Finding, line int) report.Finding {
	f.Pos.Line = line
	f.End.Line = line
	return f
}

func TestBaselineAcceptsMovedFindings(t *testing.T) {
	b := report.NewBaseline([]report.Finding{counter, session})
	fresh, stale := b.Filter([]report.Finding{moved(counter, 99), moved(session, 3)})
	if len(fresh) != 0 || len(stale) != 0 {
		t.Errorf("moving code: fresh %v, stale %v; want none", fresh, stale)
	}
}

func TestBaselineKey(t *testing.T) {
	b := report.NewBaseline([]report.Finding{counter})
	for name, f := range map[string]report.Finding{
		"other file":     finding("other.go", 10, "globalstate", "counter", counter.Message),
		"other check":    finding("main.go", 10, "memstore", "counter", counter.Message),
		"other category": finding("main.go", 10, "globalstate", "flag", counter.Message),
		"other message":  finding("main.go", 10, "globalstate", "counter", "hits is incremented in handleOther (GET /other)"),
	} {
		fresh, stale := b.Filter([]report.Finding{f})
		if len(fresh) != 1 || len(stale) != 1 {
			t.Errorf("%s: fresh %v, stale %v; want the finding new and the entry stale", name, fresh, stale)
		}
	}
}

func TestBaselineCounts(t *testing.T) {
	twice := []report.Finding{counter, moved(counter, 30)}
	b := report.NewBaseline(twice)
	if len(b.Findings) != 1 || b.Findings[0].Count != 2 {
		t.Fatalf("want one entry with count 2, got %+v", b.Findings)
	}
	fresh, _ := b.Filter(append(twice, moved(counter, 50)))
	if len(fresh) != 1 || fresh[0].Pos.Line != 50 {
		t.Errorf("a third identical finding: fresh %v, want the one at line 50", fresh)
	}
	_, stale := b.Filter([]report.Finding{counter})
	if len(stale) != 1 || stale[0].Count != 1 {
		t.Errorf("one of two left: stale %+v, want the entry with count 1", stale)
	}
}

func TestBaselineStale(t *testing.T) {
	b := report.NewBaseline([]report.Finding{counter, session})
	fresh, stale := b.Filter([]report.Finding{session})
	if len(fresh) != 0 {
		t.Errorf("fresh %v, want none", fresh)
	}
	want := "main.go: hits is incremented in handleHit (GET /hit) [globalstate/counter]"
	if len(stale) != 1 || stale[0].String() != want {
		t.Errorf("stale %v, want [%s]", stale, want)
	}
}

func TestBaselineRoundTrip(t *testing.T) {
	b := report.NewBaseline([]report.Finding{session, counter, counter})
	var buf bytes.Buffer
	if err := report.WriteBaseline(&buf, b); err != nil {
		t.Fatal(err)
	}
	got, err := report.ReadBaseline(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("round trip: got %+v, want %+v", got, b)
	}
	if b.Findings[0].Check != "globalstate" {
		t.Errorf("entries not sorted: %+v", b.Findings)
	}
}

func TestReadBaselineRejects(t *testing.T) {
	for name, text := range map[string]string{
		"version":       `{"version": 2, "findings": []}`,
		"unknown field": `{"version": 1, "findings": [], "extra": true}`,
		"zero count":    `{"version": 1, "findings": [{"check": "memstore", "category": "session", "file": "a.go", "message": "m", "count": 0}]}`,
		"not json":      `version: 1`,
	} {
		if _, err := report.ReadBaseline(strings.NewReader(text)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
