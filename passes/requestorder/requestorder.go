package requestorder

import (
	_ "embed"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/effects"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports reads of state another handler keeps in memory.
var Analyzer = &analysis.Analyzer{
	Name:     "requestorder",
	Doc:      checkutil.MustExtractDoc(doc, "requestorder"),
	URL:      checkutil.URL("requestorder"),
	Requires: []*analysis.Analyzer{effects.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	checkutil.Report(pass, "requestorder", message)
	return nil, nil
}

func message(f effects.Finding, k knowledge.Kind) string {
	where := "in process memory"
	if strings.HasPrefix(f.State, "files in ") {
		where = "on local disk"
	}
	return f.Handler + " reads " + f.State + " that " + f.Writer + " keeps " + where + ": " + checkutil.Consequence(k)
}
