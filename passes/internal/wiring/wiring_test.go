package wiring_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/wiring"
	"golang.org/x/tools/go/analysis"
	xanalysistest "golang.org/x/tools/go/analysis/analysistest"
)

// TestWiring runs every check on programs that choose, in a package of
// their own, the implementations of interfaces and callbacks that another
// package's handlers call through.
func TestWiring(t *testing.T) {
	results := analysistest.Run(t, analysistest.All(), "wiring/...")
	// Handlers that reach one write of an implementation are one finding:
	// the repository that two routes store into names the first and lists
	// the other in its chain.
	want := []string{`also Repository.Store called by handler for "POST /cargos/{id}/destination"`}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.HasPrefix(d.Message, `in-memory records table cargoRepository.cargos of inmem.NewCargoRepository()`) {
				continue
			}
			var got []string
			for _, rel := range d.Related {
				if before, _, ok := strings.Cut(rel.Message, " at "); ok && strings.HasPrefix(rel.Message, "also ") {
					got = append(got, before)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("further handlers of the cargo repository: got %q, want %q", got, want)
			}
			return
		}
	}
	t.Error("no finding for the cargo repository")
}

// TestFactBudget bounds the encoded size of the wiring facts and of the
// summaries that carry open calls: both are capped, so a regression that
// makes them grow with the code fails here.
func TestFactBudget(t *testing.T) {
	const budget = 3072 // bytes per fact, gob-encoded (summaries keep up to 32 open calls)
	seen := map[string]bool{}
	for _, a := range []*analysis.Analyzer{wiring.Analyzer, summary.Analyzer} {
		// The packages' expectations are the checks' findings: only the
		// facts matter here.
		for _, r := range xanalysistest.Run(quiet{}, analysistest.TestData(), a, "wiring/...") {
			for obj, facts := range r.Facts {
				for _, f := range facts {
					var buf bytes.Buffer
					if err := gob.NewEncoder(&buf).Encode(f); err != nil {
						t.Fatal(err)
					}
					if buf.Len() > budget {
						t.Errorf("fact of %v is %d bytes, budget %d: %v", obj, buf.Len(), budget, f)
					}
					seen[fmt.Sprint(f)] = true
				}
			}
		}
	}
	for _, want := range []string{
		// the handler package's needs, the Concrete fact of an unexported
		// implementation, and the constructor's flow
		// (+1: one more handler, DelFile or PatchFile, makes the call
		// through a helper it shares with the need's own handler)
		"open(T:wiring/files/handler.StoreComposer.Locker=Locker.NewLock+1 T:wiring/files/handler.StoreComposer.Locker=Locker.NewLock().Lock+1 T:wiring/files/handler.StoreComposer.Core=DataStore.NewUpload T:wiring/files/handler.StoreComposer.Core=DataStore.GetUpload T:wiring/files/handler.StoreComposer.Core=DataStore.GetUpload().WriteChunk T:wiring/files/handler.StoreComposer.Terminater=TerminaterDataStore.Terminate+1)",
		"concrete(*memorystore.store)",
		"flow(param0->wiring/limiter/httplimit.Middleware.store)",
	} {
		if !seen[want] {
			t.Errorf("no fact %s", want)
		}
	}
}

// quiet ignores the expectations of findings in a run that reads facts.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}
