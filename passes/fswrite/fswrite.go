package fswrite

import (
	_ "embed"
	"reflect"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/wiring"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/analysis"
)

const name = "fswrite"

//go:embed doc.go
var doc string

// Analyzer reports local-filesystem writes on a request path.
var Analyzer = &analysis.Analyzer{
	Name:       name,
	Doc:        checkutil.MustExtractDoc(doc, name),
	URL:        checkutil.URL(name),
	Requires:   []*analysis.Analyzer{state.Analyzer, wiring.Analyzer, directives.Analyzer},
	Run:        guard.Check(run),
	ResultType: reflect.TypeFor[directives.Use](),
}

// run reports each site where a request path writes a local file or an
// embedded database. Its result is the directives that silenced a site.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	used := directives.Use{}
	for _, occs := range witness.BySite(res.FileWrites) {
		o := res.Witness.Best(occs)
		if silencing, _ := dirs.Silencing(name, o.Pos, 0, ""); len(silencing) > 0 {
			used.Add(silencing)
			continue
		}
		kind, what := knowledge.File, "a local file"
		if o.Effect.Op == summary.LocalDB {
			kind, what = knowledge.LocalDB, "a local embedded database"
		}
		k := checkutil.Kind(kind)
		msg := res.Witness.Handler(o.Entry) + " writes " + what + " with " + o.Effect.What + ": " + checkutil.Consequence(k)
		checkutil.Report(pass, o.Pos, k, msg, res.Witness.Chain(o, o.Effect.What))
	}
	for _, w := range checkutil.Writes(res, name) {
		k := checkutil.Kind(w.Kind())
		msg := res.Witness.Handler(w.At.Entry) + " writes the local file " + checkutil.WrittenName(w) + " with " + w.At.Effect.What + ": " + checkutil.Consequence(k)
		checkutil.Report(pass, w.At.Pos, k, msg, checkutil.WriteChain(res.Witness, w))
	}
	for _, f := range checkutil.Wired(pass.ResultOf[wiring.Analyzer].(*wiring.Result), name) {
		if silencing, _ := dirs.Silencing(name, f.Pos, 0, ""); len(silencing) > 0 {
			used.Add(silencing)
			continue
		}
		k := checkutil.Kind(f.Kind)
		what := "a local file"
		if f.Kind == knowledge.LocalDB {
			what = "a local embedded database"
		}
		msg := "store " + checkutil.WiredName(f) + " writes " + what + " with " + f.What + " for " + f.Handler + " through " + f.Through + ": " + checkutil.Consequence(k)
		checkutil.Report(pass, f.Pos, k, msg, checkutil.WiredChain(f))
	}
	return used, nil
}
