package globalstate

import (
	_ "embed"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/effects"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports mutable server variables written on a request path.
var Analyzer = &analysis.Analyzer{
	Name:     "globalstate",
	Doc:      checkutil.MustExtractDoc(doc, "globalstate"),
	URL:      checkutil.URL("globalstate"),
	Requires: []*analysis.Analyzer{effects.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	checkutil.Report(pass, "globalstate", Message)
	return nil, nil
}

// Message is the diagnostic for a write of kind k; memstore shares it.
func Message(f effects.Finding, k knowledge.Kind) string {
	title := k.Title
	if f.Title != "" {
		title = f.Title
	}
	return title + " " + f.State + " is written by " + f.Handler + ": " + checkutil.Consequence(k)
}
