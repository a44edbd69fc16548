package summary_test

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// BenchmarkAnalyze runs every check on the example shop and its
// dependencies, standard library included, with packages loaded once: the
// cost measured is statelint's own (SSA, summaries, facts, findings), not
// parsing and type-checking.
func BenchmarkAnalyze(b *testing.B) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: filepath.Join(analysistest.TestData(), "shop")}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatal("load failed", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checker.Analyze(passes.All, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFactEncoding encodes and decodes a summary at the size cap, as
// go vet does for every function with summary.
func BenchmarkFactEncoding(b *testing.B) {
	sum := &summary.Summary{}
	for i := range 48 {
		sum.Effects = append(sum.Effects, summary.Effect{
			Op: summary.Write, Root: summary.Root{Kind: summary.Global, Pkg: "example.com/shop/store", Name: "cache", Module: "example.com/shop"},
			Path: ".items", Type: "map[string]string", Shape: "map", What: "map store", Posn: "store/products.go:26:7",
			Via: []summary.Hop{{Callee: "store.Product", Posn: "api/handlers.go:72:25"}},
		})
		_ = i
	}
	b.ReportAllocs()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(sum); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
		var out summary.Summary
		if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size), "bytes/fact")
}
