package effects_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/internal/effects"
)

// TestFacts checks the exported summaries.
func TestFacts(t *testing.T) {
	analysistest.Run(t, effects.Analyzer, "facts/store")
}

// TestCrossPackage checks that facts carry writes and ignore directives
// across packages.
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "facts/api")
}

// TestFactBudget bounds the encoded size of the facts of the whole seed
// corpus: summaries are capped, so a regression that makes them grow with
// the code (unbounded chains, every read) fails here.
func TestFactBudget(t *testing.T) {
	const budget = 2048 // bytes per fact, gob-encoded
	results := analysistest.Run(t, effects.Analyzer, "facts/store")
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
