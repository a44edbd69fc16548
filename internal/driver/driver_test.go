package driver_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/statelint/statelint/internal/driver"
)

func TestIsVetInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"--flags"}, true},
		{[]string{"/tmp/go-build/vet.cfg"}, true},
		{[]string{"-json", "-memstore", "/tmp/go-build/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-format=sarif", "./..."}, false},
		{[]string{"-C", "x", "./..."}, false},
		{[]string{"a.cfg", "b.cfg"}, false},
		{nil, false},
	} {
		if got := driver.IsVetInvocation(tc.args); got != tc.want {
			t.Errorf("IsVetInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// textLine matches a finding line, relatedLine one hop of its chain and
// summaryLine the closing summary of a text run, alone on stderr.
var (
	summaryLine = regexp.MustCompile(`^\d+ findings? in 1 package: \d+ [a-z]+(, \d+ [a-z]+)*\n$`)
	textLine    = regexp.MustCompile(`^[^\s:]+\.go:\d+:\d+: \S.* \[[a-z]+(/[a-z]+)?\]$`)
	relatedLine = regexp.MustCompile(`^\t[^\s:]+\.go:\d+:\d+: \S.*$`)
)

func TestText(t *testing.T) {
	eachTool(t, func(t *testing.T, tl tool) {
		res := tl.run(t, e2eModule(t), "./...")
		if res.code != 3 || !summaryLine.MatchString(res.stderr) {
			t.Fatalf("exit %d, stderr:\n%s\nwant the summary alone", res.code, res.stderr)
		}
		for _, line := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
			if !textLine.MatchString(line) && !relatedLine.MatchString(line) {
				t.Errorf("malformed line %q", line)
			}
		}
	})
}

func TestTextFake(t *testing.T) {
	res := fakeTool.run(t, e2eModule(t), "./...")
	// Each finding once, although main.go is in the package and its test
	// variant.
	want := `main.go:40:2: package variable hits is written in handleHit [fakestate/counter]
	main.go:39:6: handler handleHit
	main.go:40:2: writes hits
main.go:54:2: package variable sessions is written in handleLogin [fakestate/session]
	main.go:53:6: handler handleLogin
	main.go:54:2: writes sessions
`
	if res.stdout != want {
		t.Errorf("got:\n%s\nwant:\n%s", res.stdout, want)
	}
}

// jsonTree is the go/analysis -json shape.
type jsonTree map[string]map[string][]struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
	URL      string `json:"url"`
	Related  []struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	} `json:"related"`
}

func TestJSON(t *testing.T) {
	eachTool(t, func(t *testing.T, tl tool) {
		res := tl.run(t, e2eModule(t), "-json", "./...")
		if res.code != 3 {
			t.Fatalf("exit %d, stderr:\n%s", res.code, res.stderr)
		}
		dec := json.NewDecoder(strings.NewReader(res.stdout))
		dec.DisallowUnknownFields()
		var tree jsonTree
		if err := dec.Decode(&tree); err != nil {
			t.Fatalf("%v in:\n%s", err, res.stdout)
		}
		posn := regexp.MustCompile(`^[^\s:]+\.go:\d+:\d+$`)
		n := 0
		for pkg, byCheck := range tree {
			for check, diags := range byCheck {
				for _, d := range diags {
					n++
					if !posn.MatchString(d.Posn) || !posn.MatchString(d.End) || d.Message == "" {
						t.Errorf("%s %s: malformed diagnostic %+v", pkg, check, d)
					}
					if tl.name == "real" && d.URL != "https://github.com/statelint/statelint/blob/main/docs/"+check+".md#"+d.Category {
						t.Errorf("%s %s: url %q, want the section of kind %s", pkg, check, d.URL, d.Category)
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("no diagnostics in:\n%s", res.stdout)
		}
	})
}

func TestSARIF(t *testing.T) {
	eachTool(t, func(t *testing.T, tl tool) {
		dir := e2eModule(t)
		res := tl.run(t, dir, "-format=sarif", "./...")
		if res.code != 3 {
			t.Fatalf("exit %d, stderr:\n%s", res.code, res.stderr)
		}
		log, err := sarif.FromString(res.stdout)
		if err != nil {
			t.Fatal(err)
		}
		if err := log.Validate(); err != nil {
			t.Fatalf("schema: %v", err)
		}
		run := log.Runs[0]
		base := run.OriginalUriBaseIds["%SRCROOT%"]
		if base.URI == nil || *base.URI != "file://"+filepath.ToSlash(dir)+"/" {
			t.Errorf("%%SRCROOT%% = %v, want the module directory", base.URI)
		}
		if len(run.Results) == 0 {
			t.Fatal("no results")
		}
		for _, r := range run.Results {
			rule := run.Tool.Driver.Rules[r.RuleIndex]
			if *rule.ID != *r.RuleID {
				t.Errorf("result %s points at rule %s", *r.RuleID, *rule.ID)
			}
			check, kind, _ := strings.Cut(*r.RuleID, "/")
			if want := "https://github.com/statelint/statelint/blob/main/docs/" + check + ".md#" + kind; tl.name == "real" && (rule.HelpURI == nil || *rule.HelpURI != want) {
				t.Errorf("rule %s: helpUri %v, want %s", *rule.ID, rule.HelpURI, want)
			}
			loc := r.Locations[0].PhysicalLocation
			if *loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || *loc.ArtifactLocation.URI != "main.go" {
				t.Errorf("result location %s %s, want main.go under %%SRCROOT%%", *loc.ArtifactLocation.URIBaseID, *loc.ArtifactLocation.URI)
			}
			if len(r.PartialFingerprints["statelint/v1"]) == 0 {
				t.Errorf("result %s has no statelint/v1 fingerprint", *r.RuleID)
			}
		}
	})
}

// TestSARIFFake checks what only the fake analyzer's known output pins
// down: the chain as code flow and related locations, and fingerprints
// that do not move with the code.
func TestSARIFFake(t *testing.T) {
	dir := copyModule(t)
	before := sarifResults(t, dir)
	r := before[0]
	if len(r.CodeFlows) != 1 || len(r.CodeFlows[0].ThreadFlows[0].Locations) != 2 || len(r.RelatedLocations) != 2 {
		t.Fatalf("want a two-hop code flow and two related locations, got %+v", r)
	}
	if got := *r.CodeFlows[0].ThreadFlows[0].Locations[0].Location.Message.Text; got != "handler handleHit" {
		t.Errorf("first hop %q, want the handler", got)
	}
	insertLines(t, filepath.Join(dir, "main.go"), "\n\n\n")
	after := sarifResults(t, dir)
	for i := range before {
		if *before[i].Locations[0].PhysicalLocation.Region.StartLine == *after[i].Locations[0].PhysicalLocation.Region.StartLine {
			t.Fatalf("result %d did not move", i)
		}
		if !maps.Equal(before[i].PartialFingerprints, after[i].PartialFingerprints) {
			t.Errorf("fingerprints changed when code moved: %v -> %v", before[i].PartialFingerprints, after[i].PartialFingerprints)
		}
	}
}

func sarifResults(t *testing.T, dir string) []*sarif.Result {
	t.Helper()
	res := fakeTool.run(t, dir, "-format=sarif", "./...")
	log, err := sarif.FromString(res.stdout)
	if err != nil {
		t.Fatalf("exit %d: %v\n%s", res.code, err, res.stderr)
	}
	return log.Runs[0].Results
}

// insertLines puts text after the package clause of file, moving every
// declaration below it down.
func insertLines(t *testing.T, file, text string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("package main\n"), []byte("package main\n"+text), 1)
	if err := os.WriteFile(file, data, 0o666); err != nil {
		t.Fatal(err)
	}
}

func TestDeterministic(t *testing.T) {
	eachTool(t, func(t *testing.T, tl tool) {
		for _, format := range []string{"text", "json", "sarif"} {
			first := tl.run(t, e2eModule(t), "-format="+format, "./...")
			second := tl.run(t, e2eModule(t), "-format="+format, "./...")
			if first.stdout != second.stdout {
				t.Errorf("-format=%s: two runs differ:\n%s\n---\n%s", format, first.stdout, second.stdout)
			}
		}
	})
}
