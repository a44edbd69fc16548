package suppress

import (
	_ "embed"
	"slices"

	"github.com/statelint/statelint/passes/internal/checkutil"
	"github.com/statelint/statelint/passes/internal/effects"
	"github.com/statelint/statelint/passes/singlereplica"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var doc string

// Analyzer reports malformed and unused //statelint:ignore directives.
var Analyzer = &analysis.Analyzer{
	Name:     "suppress",
	Doc:      checkutil.MustExtractDoc(doc, "suppress"),
	URL:      checkutil.URL("suppress"),
	Requires: []*analysis.Analyzer{effects.Analyzer, singlereplica.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[effects.Analyzer].(*effects.Result)
	used := pass.ResultOf[singlereplica.Analyzer].(*singlereplica.Result).Used
	for _, d := range res.Directives {
		switch {
		case d.Reason != "" && slices.Contains(used, d.Pos):
			// silences a finding of singlereplica, which reads no summaries
		case d.Reason == "":
			report(pass, d, "statelint:ignore directive needs a reason: say why this state is acceptable")
		case !d.Used && !d.Exported:
			report(pass, d, "statelint:ignore directive silences nothing: remove it")
		}
	}
	return nil, nil
}

func report(pass *analysis.Pass, d *effects.Directive, msg string) {
	pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: "directive", Message: msg, URL: checkutil.URL("suppress")})
}
