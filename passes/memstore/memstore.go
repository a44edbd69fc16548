package memstore

import (
	_ "embed"

	"github.com/statelint/statelint/passes/globalstate"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/effects"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports in-process containers written on a request path.
var Analyzer = &analysis.Analyzer{
	Name:     "memstore",
	Doc:      checkutil.MustExtractDoc(doc, "memstore"),
	URL:      checkutil.URL("memstore"),
	Requires: []*analysis.Analyzer{effects.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	checkutil.Report(pass, "memstore", globalstate.Message)
	return nil, nil
}
