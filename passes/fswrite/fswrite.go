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
	ResultType: reflect.TypeFor[*checkutil.Outcome](),
}

// run reports each site where a request path writes a local file or an
// embedded database. Its result records them, with the sites directives
// silenced.
func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[state.Analyzer].(*state.Result)
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	out := checkutil.NewOutcome()
	for _, occs := range witness.BySite(res.FileWrites) {
		o := res.Witness.Best(occs)
		kind, what := knowledge.File, "a local file"
		if o.Effect.Op == summary.LocalDB {
			kind, what = knowledge.LocalDB, "a local embedded database"
		}
		k := checkutil.Kind(kind)
		out.Report(pass, k, checkutil.Record{
			State: checkutil.FileKey(pass, o), Name: checkutil.FileName(o), Pos: o.Pos, Entry: o.Entry, Access: checkutil.Writes,
			Message:  res.Witness.Handler(o.Entry) + " writes " + what + " with " + o.Effect.What + ": " + checkutil.Consequence(k),
			Related:  res.Witness.Chain(o, o.Effect.What),
			Accepted: out.Silenced(dirs.Silencing(name, o.Pos, 0, "")),
		})
	}
	out.ReportWrites(pass, res, name, func(w *state.Write, k knowledge.Kind) string {
		return res.Witness.Handler(w.At.Entry) + " writes the local file " + checkutil.WrittenName(w) + " with " + w.At.Effect.What + ": " + checkutil.Consequence(k)
	})
	out.ReportWired(pass, pass.ResultOf[wiring.Analyzer].(*wiring.Result), dirs, name, func(f *wiring.Finding, k knowledge.Kind) string {
		what := "a local file"
		if f.Kind == knowledge.LocalDB {
			what = "a local embedded database"
		}
		return "store " + checkutil.WiredName(f) + " writes " + what + " with " + f.What + " for " + f.Handler + " through " + f.Through + ": " + checkutil.Consequence(k)
	})
	return out, nil
}
