package suppress

import (
	_ "embed"
	"fmt"
	"strings"

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

// Analyzer reports malformed, unrecognised and unused //statelint: directives.
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
		for d := range pass.ResultOf[a].(*checkutil.Outcome).Used {
			used[d] = true
		}
	}
	for _, d := range pass.ResultOf[directives.Analyzer].(*directives.Result).Dirs {
		if msg := problem(d, used[d]); msg != "" {
			report(pass, d, msg)
		}
	}
	return nil, nil
}

// problem says what is wrong with d, or "".
func problem(d *directives.Directive, used bool) string {
	directive := "statelint:ignore"
	if d.File {
		directive = "statelint:file-ignore"
	}
	switch {
	case d.Unknown != "":
		return unknown(d.Unknown)
	case d.BadCheck != "":
		return fmt.Sprintf("statelint:file-ignore directive names no check %q: write //statelint:file-ignore CHECK REASON with CHECK one of %s",
			d.BadCheck, strings.Join(directives.StateChecks(), ", "))
	case d.File && d.AllChecks():
		return "statelint:file-ignore directive needs a check and a reason: write //statelint:file-ignore CHECK REASON"
	case d.Reason == "":
		return directive + " directive needs a reason: say why this state is acceptable"
	case !used && !d.Exported():
		return directive + " directive silences nothing: remove it"
	}
	return ""
}

// unknown is the message for a comment that looks like a directive but
// is none, which a reader would take for a suppression.
func unknown(text string) string {
	compact := strings.Join(strings.Fields(text), "")
	for _, known := range []string{"//statelint:ignore", "//statelint:file-ignore"} {
		if compact == known {
			return text + " is not a directive and silences nothing: write " + known + " with no space in it"
		}
	}
	return text + " is not a statelint directive and silences nothing: write //statelint:ignore [CHECK] REASON or //statelint:file-ignore CHECK REASON"
}

func report(pass *analysis.Pass, d *directives.Directive, msg string) {
	pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: string(knowledge.Directive), Message: msg, URL: checkutil.URL(name)})
}
