package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/internal/report"
)

var sarifChecks = []report.Check{
	{Name: "globalstate", Title: "report package variables written on a request path"},
	{Name: "memstore", Title: "report in-memory stores written on a request path"},
	{Name: "suppress", Title: "report unused or unexplained suppressions", URL: "https://example.com/suppress"},
}

// writeSARIF writes findings under a root holding main.go, whose line 3
// has a non-ASCII string before column 12 (byte) = 11 (UTF-16).
func writeSARIF(t *testing.T, findings ...report.Finding) (*sarif.Report, string) {
	t.Helper()
	root := t.TempDir()
	src := "package main\n\nvar s = \"é\"; var n int\n"
	if err := os.WriteFile(filepath.Join(root, "main.go"), []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.WriteSARIF(&buf, findings, report.SARIFOptions{Root: root, Checks: sarifChecks}); err != nil {
		t.Fatal(err)
	}
	log, err := sarif.FromBytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := log.Validate(); err != nil {
		t.Fatalf("SARIF 2.1.0 schema: %v\n%s", err, buf.String())
	}
	return log, buf.String()
}

func chained() report.Finding {
	f := finding("main.go", 3, "globalstate", "counter", "n is incremented in handleHit (GET /hit)")
	f.Pos.Column = 19
	f.Related = []report.Related{
		{Pos: report.Position{File: "main.go", Line: 3, Column: 1}, Message: "handler handleHit"},
		{Pos: report.Position{File: "/root/go/pkg/mod/x@v1/x.go", Line: 7, Column: 1}, Message: "calls x.Do"},
		{Pos: report.Position{File: "main.go", Line: 3, Column: 19}, Message: "increments n"},
	}
	return f
}

func TestSARIFRules(t *testing.T) {
	// A category the kinds table does not know gets a rule of its own.
	unknown := finding("main.go", 1, "suppress", "nosuchkind", "statelint:ignore directive suppresses nothing")
	log, _ := writeSARIF(t, unknown)
	rules := log.Runs[0].Tool.Driver.Rules
	var want []string
	for _, k := range knowledge.Kinds {
		if k.Check == "globalstate" || k.Check == "memstore" || k.Check == "suppress" {
			want = append(want, k.Check+"/"+string(k.Name))
		}
	}
	want = append(want, "suppress/nosuchkind")
	if len(rules) != len(want) {
		t.Fatalf("%d rules, want %d: %v", len(rules), len(want), want)
	}
	for i, r := range rules {
		if *r.ID != want[i] || r.ShortDescription == nil || r.FullDescription == nil || r.Help == nil || r.HelpURI == nil {
			t.Errorf("rule %d: %+v, want %s with descriptions, help and helpUri", i, r, want[i])
		}
	}
	for _, r := range rules {
		if *r.ID == "memstore/session" && *r.HelpURI != knowledge.DocsURL+"memstore.md#session" {
			t.Errorf("memstore/session helpUri %s", *r.HelpURI)
		}
	}
	res := log.Runs[0].Results[0]
	if *res.RuleID != "suppress/nosuchkind" || res.RuleIndex != len(rules)-1 {
		t.Errorf("result rule %s at %d", *res.RuleID, res.RuleIndex)
	}
}

func TestSARIFResult(t *testing.T) {
	log, text := writeSARIF(t, chained())
	run := log.Runs[0]
	if uri := *run.OriginalUriBaseIds["%SRCROOT%"].URI; !strings.HasPrefix(uri, "file:///") || !strings.HasSuffix(uri, "/") {
		t.Errorf("%%SRCROOT%% is %s, want an absolute file URI ending in /", uri)
	}
	res := run.Results[0]
	loc := res.Locations[0].PhysicalLocation
	if *loc.ArtifactLocation.URI != "main.go" || *loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("location %s under %s", *loc.ArtifactLocation.URI, *loc.ArtifactLocation.URIBaseID)
	}
	if *loc.Region.StartLine != 3 || *loc.Region.StartColumn != 18 {
		t.Errorf("region starts at %d:%d, want 3:18 (UTF-16 column of byte column 19)", *loc.Region.StartLine, *loc.Region.StartColumn)
	}
	// The hop into the module cache is left out of both views of the chain.
	flow := res.CodeFlows[0].ThreadFlows[0].Locations
	if len(flow) != 2 || *flow[0].Location.Message.Text != "handler handleHit" || *flow[1].Location.Message.Text != "increments n" {
		t.Errorf("code flow %+v, want handler then increment", flow)
	}
	if len(res.RelatedLocations) != 2 || res.RelatedLocations[1].ID != 2 {
		t.Errorf("related locations %+v", res.RelatedLocations)
	}
	if strings.Contains(text, `"index": -1`) {
		t.Errorf("output keeps unset index sentinels")
	}
}

func TestSARIFFingerprints(t *testing.T) {
	a := chained()
	b := moved(a, 40)
	twin := moved(a, 41)
	other := finding("main.go", 3, "globalstate", "counter", "n is incremented in handleOther (GET /other)")
	logA, _ := writeSARIF(t, a)
	logB, _ := writeSARIF(t, b, twin, other)
	fp := func(log *sarif.Report, i int) string {
		return log.Runs[0].Results[i].PartialFingerprints["statelint/v1"]
	}
	if fp(logA, 0) != fp(logB, 0) {
		t.Errorf("moving a finding changed its fingerprint: %s -> %s", fp(logA, 0), fp(logB, 0))
	}
	if fp(logB, 0) == fp(logB, 1) {
		t.Errorf("identical findings share fingerprint %s", fp(logB, 0))
	}
	if fp(logB, 0)[:32] == fp(logB, 2)[:32] {
		t.Errorf("different messages share a fingerprint hash")
	}
}

func TestSARIFDeterministic(t *testing.T) {
	_, first := writeSARIF(t, chained(), counter, session)
	_, second := writeSARIF(t, chained(), counter, session)
	// The roots differ (two temp dirs); nothing else may.
	var a, b map[string]any
	json.Unmarshal([]byte(first), &a)
	json.Unmarshal([]byte(second), &b)
	delete(a["runs"].([]any)[0].(map[string]any), "originalUriBaseIds")
	delete(b["runs"].([]any)[0].(map[string]any), "originalUriBaseIds")
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("two writes differ")
	}
}
