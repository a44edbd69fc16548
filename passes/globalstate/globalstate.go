package globalstate

import (
	_ "embed"
	"reflect"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/wiring"
	"golang.org/x/tools/go/analysis"
)

const name = "globalstate"

//go:embed doc.go
var doc string

// Analyzer reports mutable server variables written on a request path.
var Analyzer = &analysis.Analyzer{
	Name:       name,
	Doc:        checkutil.MustExtractDoc(doc, name),
	URL:        checkutil.URL(name),
	Requires:   []*analysis.Analyzer{state.Analyzer, wiring.Analyzer, directives.Analyzer},
	Run:        guard.Check(run),
	ResultType: reflect.TypeFor[*checkutil.Outcome](),
}

// run reports each unit of scalar state that a request path writes: the
// variable, the handler, and what a second replica breaks. Its result
// records them, with the units directives silenced.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	out := checkutil.NewOutcome()
	out.ReportWrites(pass, res, name, func(w *state.Write, k knowledge.Kind) string {
		return k.Title + " " + checkutil.WrittenName(w) + " is written by " + res.Witness.Handler(w.At.Entry) + ": " + checkutil.Consequence(k)
	})
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	out.ReportWired(pass, pass.ResultOf[wiring.Analyzer].(*wiring.Result), dirs, name, func(f *wiring.Finding, k knowledge.Kind) string {
		return k.Title + " " + checkutil.WiredName(f) + " is written by " + checkutil.WiredVia(f) + ": " + checkutil.Consequence(k)
	})
	return out, nil
}
