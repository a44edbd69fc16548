package suppress

import (
	_ "embed"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/fswrite"
	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/memstore"
	"github.com/statelint/statelint/passes/requestorder"
	"github.com/statelint/statelint/passes/singlereplica"
	"golang.org/x/tools/go/analysis"
)

const name = "suppress"

//go:embed doc.go
var doc string

// Analyzer reports malformed and unused //statelint:ignore directives.
// It requires the checks whose findings directives silence, to learn
// which directives were used.
var Analyzer = &analysis.Analyzer{
	Name: name,
	Doc:  checkutil.MustExtractDoc(doc, name),
	URL:  checkutil.URL(name),
	Requires: []*analysis.Analyzer{directives.Analyzer, summary.Analyzer, state.Analyzer,
		memstore.Analyzer, fswrite.Analyzer, requestorder.Analyzer, singlereplica.Analyzer},
	Run: guard.Check(run),
}

func run(pass *analysis.Pass) (any, error) {
	used := directives.Use{}
	for d := range pass.ResultOf[summary.Analyzer].(*summary.Result).Exported {
		used[d] = true // it holds for the callers of an exported function, elsewhere
	}
	for d := range pass.ResultOf[state.Analyzer].(*state.Result).Used {
		used[d] = true
	}
	for _, a := range []*analysis.Analyzer{memstore.Analyzer, fswrite.Analyzer, requestorder.Analyzer, singlereplica.Analyzer} {
		for d := range pass.ResultOf[a].(directives.Use) {
			used[d] = true
		}
	}
	for _, d := range pass.ResultOf[directives.Analyzer].(*directives.Result).Dirs {
		switch {
		case d.Reason == "":
			report(pass, d, "statelint:ignore directive needs a reason: say why this state is acceptable")
		case !used[d] && !d.Exported():
			report(pass, d, "statelint:ignore directive silences nothing: remove it")
		}
	}
	return nil, nil
}

func report(pass *analysis.Pass, d *directives.Directive, msg string) {
	pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: string(knowledge.Directive), Message: msg, URL: checkutil.URL(name)})
}
