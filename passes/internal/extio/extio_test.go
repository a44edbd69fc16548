package extio_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/internal/extio"
)

// TestFacts checks the summaries of the helper packages that the
// singlereplica cases call one level down.
func TestFacts(t *testing.T) {
	analysistest.Run(t, extio.Analyzer, "singlereplica/walletstore", "singlereplica/jobstore")
}

// TestFactBudget bounds what a summary costs under go vet, which writes
// every package's facts for its importers: a summary is capped at
// maxEffects effects of maxVia hops.
func TestFactBudget(t *testing.T) {
	for _, res := range analysistest.Run(t, extio.Analyzer, "singlereplica/walletstore", "singlereplica/jobstore") {
		for obj, facts := range res.Facts {
			for _, f := range facts {
				var b bytes.Buffer
				if err := gob.NewEncoder(&b).Encode(f); err != nil {
					t.Fatalf("%v: %v", obj, err)
				}
				if b.Len() > 1024 {
					t.Errorf("fact of %v is %d bytes, want at most 1024: %v", obj, b.Len(), f)
				}
			}
		}
	}
}
