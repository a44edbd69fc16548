package checks_test

import (
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/statelint/statelint/internal/driver/checks"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestWrapRunsOnce checks that a check required by another check of the
// set (as suppress requires memstore) runs once, as its wrapper, and that
// the check requiring it reads its result under the analyzer it named.
func TestWrapRunsOnce(t *testing.T) {
	var runs atomic.Int32
	first := &analysis.Analyzer{
		Name:       "first",
		Doc:        "first: count runs",
		ResultType: reflect.TypeFor[int](),
		Run:        func(*analysis.Pass) (any, error) { runs.Add(1); return 42, nil },
	}
	var got any
	second := &analysis.Analyzer{
		Name:     "second",
		Doc:      "second: read first's result",
		Requires: []*analysis.Analyzer{first},
		Run:      func(pass *analysis.Pass) (any, error) { got = pass.ResultOf[first]; return nil, nil },
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax, Dir: "../../../testdata/driver-e2e"}, ".")
	if err != nil {
		t.Fatal(err)
	}
	wrapped := checks.Wrap([]*analysis.Analyzer{first, second}, &checks.Options{})
	if _, err := checker.Analyze(wrapped, pkgs, nil); err != nil {
		t.Fatal(err)
	}
	if runs.Load() != 1 || got != 42 {
		t.Errorf("first ran %d times and second read %v; want once and 42", runs.Load(), got)
	}
}
