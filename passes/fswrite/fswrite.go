package fswrite

import (
	_ "embed"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/effects"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports local-filesystem writes on a request path.
var Analyzer = &analysis.Analyzer{
	Name:     "fswrite",
	Doc:      checkutil.MustExtractDoc(doc, "fswrite"),
	URL:      checkutil.URL("fswrite"),
	Requires: []*analysis.Analyzer{effects.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	checkutil.Report(pass, "fswrite", message)
	return nil, nil
}

func message(f effects.Finding, k knowledge.Kind) string {
	what := "a local file"
	if f.Kind == "localdb" {
		what = "a local embedded database"
	}
	return f.Handler + " writes " + what + " with " + f.What + ": " + checkutil.Consequence(k)
}
