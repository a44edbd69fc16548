package globalstate

import (
	_ "embed"

	"github.com/statelint/statelint/passes/internal/checkutil"
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
	Name:     name,
	Doc:      checkutil.MustExtractDoc(doc, name),
	URL:      checkutil.URL(name),
	Requires: []*analysis.Analyzer{state.Analyzer, wiring.Analyzer},
	Run:      guard.Check(run),
}

// run reports each unit of scalar state that a request path writes: the
// variable, the handler, and what a second replica breaks.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	for _, w := range checkutil.Writes(res, name) {
		k := checkutil.Kind(w.Kind())
		msg := k.Title + " " + checkutil.WrittenName(w) + " is written by " + res.Witness.Handler(w.At.Entry) + ": " + checkutil.Consequence(k)
		checkutil.Report(pass, w.At.Pos, k, msg, checkutil.WriteChain(res.Witness, w))
	}
	for _, f := range checkutil.Wired(pass.ResultOf[wiring.Analyzer].(*wiring.Result), name) {
		k := checkutil.Kind(f.Kind)
		msg := k.Title + " " + checkutil.WiredName(f) + " is written by " + f.Handler + " through " + f.Through + ": " + checkutil.Consequence(k)
		checkutil.Report(pass, f.Pos, k, msg, checkutil.WiredChain(f))
	}
	return nil, nil
}
