package summary_test

import (
	"bytes"
	"encoding/gob"
	"slices"
	"strings"
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/prompts"
	"github.com/statelint/statelint/passes/internal/stores"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/analysis"
)

// TestFacts checks the exported summaries.
func TestFacts(t *testing.T) {
	analysistest.Run(t, summary.Analyzer, "facts/store")
	analysistest.Run(t, directives.Analyzer, "facts/ignored")
}

// TestCrossPackage checks that facts carry writes and ignore directives
// across packages, and that a finding naming several parts of another
// package's state relates each, with its own advice when its kind differs.
func TestCrossPackage(t *testing.T) {
	results := analysistest.Run(t, analysistest.All(), "facts/api")
	const want = "also mutable server variable store.last: assignment at "
	found := false
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "store.byKey (with store.last)") {
				continue
			}
			found = slices.ContainsFunc(d.Related, func(ri analysis.RelatedInformation) bool {
				return strings.HasPrefix(ri.Message, want) && strings.HasSuffix(ri.Message, "; keep the value in the database or Redis, or pass it in the request")
			})
			if !found {
				t.Errorf("%s: no related %q...; related: %v", d.Message, want, d.Related)
			}
		}
	}
	if !found {
		t.Errorf("no finding on store.byKey with store.last")
	}
}

// TestIgnoredTwoDown checks that a directive on a declaration silences
// its findings in packages that reach it through another package.
func TestIgnoredTwoDown(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "facts/deep/api")
}

// TestFactBudget bounds the encoded size of the facts of the whole seed
// corpus: summaries are capped, so a regression that makes them grow with
// the code (unbounded chains, every read) fails here.
func TestFactBudget(t *testing.T) {
	const budget = 2048 // bytes per fact, gob-encoded
	results := analysistest.Run(t, summary.Analyzer, "facts/store")
	for _, r := range results {
		for obj, fact := range r.Facts {
			for _, f := range fact {
				var buf bytes.Buffer
				if err := gob.NewEncoder(&buf).Encode(f); err != nil {
					t.Fatal(err)
				}
				if buf.Len() > budget {
					t.Errorf("fact of %v is %d bytes, budget %d: %v", obj, buf.Len(), budget, f)
				}
			}
		}
	}
}

// TestFactCeiling bounds the largest summary the caps allow.
func TestFactCeiling(t *testing.T) {
	const ceiling = 16 << 10
	sum := &summary.Summary{}
	for range 48 {
		sum.Effects = append(sum.Effects, summary.Effect{
			Op: summary.Write, Root: summary.Root{Kind: summary.Global, Pkg: "example.com/some/long/package/path", Name: "aStateVariable", Module: "example.com/some"},
			Path: ".field.inner", Type: "map[string]*example.com/some/long/package/path.Session", Shape: "map", What: "map store",
			Posn: "path/file.go:1234:56", Via: make([]summary.Hop, 6),
		})
	}
	for range 8 {
		sum.Calls = append(sum.Calls, summary.Call{
			Root: summary.Root{Kind: summary.Param, Name: "server"}, Path: ".composer.Core", Iface: "example.com/some/long/package/path.DataStore",
			Method: "NewUpload", Then: "WriteChunk", Posn: "path/file.go:1234:56", Via: make([]summary.Hop, 6),
		})
		sum.Flows = append(sum.Flows, summary.Flow{Slot: summary.Slot{Type: "example.com/some/long/package/path.StoreComposer", Field: "Core"}})
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(sum); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > ceiling {
		t.Errorf("a summary at the caps encodes to %d bytes, ceiling %d", buf.Len(), ceiling)
	}
}

// TestTangledCells runs on a handler whose locals are stored into each
// other in every order: without memoised tracing it does not finish.
func TestTangledCells(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "facts/tangle")
}

// TestSessionStoreWrappers checks that an exported wrapper of an
// in-memory session store passes the finding to its callers.
func TestSessionStoreWrappers(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "facts/sessionwrap/app")
	analysistest.Run(t, stores.Analyzer, "facts/sessionwrap/store")
}

// TestPrompts checks that what a function records after asking the
// operator at a terminal is not reported, and that a request path calling
// a function that asks only on one branch is reported as usual.
func TestPrompts(t *testing.T) {
	analysistest.Run(t, prompts.Analyzer, "facts/prompt/ui")
	analysistest.Run(t, analysistest.All(), "facts/prompt/app")
}
