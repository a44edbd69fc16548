package plugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"github.com/statelint/statelint/passes"
	_ "github.com/statelint/statelint/plugin"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

func newPlugin(t *testing.T, settings any) (register.LinterPlugin, error) {
	t.Helper()
	newFn, err := register.GetPlugin("statelint")
	if err != nil {
		t.Fatal(err)
	}
	return newFn(settings)
}

func analyzerNames(t *testing.T, p register.LinterPlugin) []string {
	t.Helper()
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	return names
}

func TestDefaultRunsAll(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}, map[string]any{"checks": []any{}}} {
		p, err := newPlugin(t, settings)
		if err != nil {
			t.Fatalf("%v: %v", settings, err)
		}
		if got := analyzerNames(t, p); len(got) != len(passes.All) {
			t.Errorf("settings %v: analyzers %v, want all %d", settings, got, len(passes.All))
		}
		if p.GetLoadMode() != register.LoadModeTypesInfo {
			t.Errorf("load mode %q", p.GetLoadMode())
		}
	}
}

func TestChecks(t *testing.T) {
	// As golangci-lint passes them: decoded YAML, lists as []any.
	p, err := newPlugin(t, map[string]any{"checks": []any{"memstore", "globalstate"}})
	if err != nil {
		t.Fatal(err)
	}
	// Registry order, whatever the order in the settings.
	if got := strings.Join(analyzerNames(t, p), ","); got != "globalstate,memstore" {
		t.Errorf("analyzers %s, want globalstate,memstore", got)
	}
}

func TestRejects(t *testing.T) {
	for _, tc := range []struct {
		settings any
		want     string
	}{
		{map[string]any{"check": []any{"memstore"}}, `unknown field "check" (the only key is "checks")`},
		{map[string]any{"checks": []any{"memstores"}}, `unknown check "memstores" (known: globalstate, memstore`},
		{map[string]any{"checks": "memstore"}, "cannot unmarshal string"},
	} {
		_, err := newPlugin(t, tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want %q", tc.settings, err, tc.want)
		}
	}
}

// TestKeepsRelated runs the plugin's analyzers as golangci-lint does and
// checks that findings keep their chain from handler to state, which
// golangci-lint prints as related information, and have an end.
func TestKeepsRelated(t *testing.T) {
	p, err := newPlugin(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	conf := &packages.Config{Mode: packages.LoadAllSyntax, Dir: "../testdata/driver-e2e"}
	pkgs, err := packages.Load(conf, ".")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			n++
			if len(d.Related) == 0 || !d.End.IsValid() || d.End <= d.Pos {
				t.Errorf("%s: %s: %d related, end %v; want the chain and an end", act.Package.Fset.Position(d.Pos), d.Message, len(d.Related), d.End)
			}
		}
	}
	if n == 0 {
		t.Error("no findings on testdata/driver-e2e")
	}
}
