// Package analysistest runs statelint's checks on the shared test corpus
// in the repository's top-level testdata/src, where third-party frameworks
// are stubbed at their real import paths for every check to use.
//
// The seed corpus mixes kinds (an upload is an fswrite finding where it is
// written and a requestorder finding where another handler downloads it),
// so besides running one check, it offers All: one analyzer that runs
// every check on the same pass, whose diagnostics analysistest matches
// against the // want comments of every check at once.
package analysistest

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/statelint/statelint/passes"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestData returns the absolute path of the repository's testdata.
func TestData() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(filepath.Dir(file)), "testdata")
}

// Run applies a to the packages under testdata/src and checks the
// diagnostics and facts against the // want comments.
func Run(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	return analysistest.Run(t, TestData(), a, pkgs...)
}

// All returns an analyzer that runs every check in passes.All.
func All() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "statelint",
		Doc:      "every statelint check, for tests",
		Requires: requires(),
		Run: func(pass *analysis.Pass) (any, error) {
			for _, a := range passes.All {
				if _, err := a.Run(pass); err != nil {
					return nil, err
				}
			}
			return nil, nil
		},
	}
}

// requires is the union of what the checks require (the engine).
func requires() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	for _, a := range passes.All {
		for _, r := range a.Requires {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}
