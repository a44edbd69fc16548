// Package checkutil holds what every statelint check does alike: extract
// its documentation from doc.go and report the engine's findings of its
// check with a category, a documentation link and the call chain.
package checkutil

import (
	"fmt"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/effects"
	"golang.org/x/tools/go/analysis"
)

// MustExtractDoc returns the documentation of analyzer name from the
// package comment of a doc.go file: the text after "# Analyzer name".
func MustExtractDoc(content, name string) string {
	start := strings.Index(content, "/*")
	end := strings.Index(content, "*/")
	if start < 0 || end < start {
		panic("doc.go of " + name + " has no package comment")
	}
	doc := content[start+2 : end]
	_, rest, ok := strings.Cut(doc, "# Analyzer "+name+"\n")
	if !ok {
		panic("doc.go of " + name + " has no \"# Analyzer " + name + "\" heading")
	}
	return strings.TrimSpace(rest)
}

// URL is the documentation page of a check.
func URL(check string) string { return knowledge.DocsURL + check + ".md" }

// Report reports every finding of the engine that belongs to check, with
// the message that message builds from the finding and its kind.
func Report(pass *analysis.Pass, check string, message func(effects.Finding, knowledge.Kind) string) {
	res := pass.ResultOf[effects.Analyzer].(*effects.Result)
	for _, f := range res.Findings {
		if f.Check != check {
			continue
		}
		kind, ok := knowledge.KindByName(f.Kind)
		if !ok {
			panic(fmt.Sprintf("%v: finding of unknown kind %q", pass.Fset.Position(f.Pos), f.Kind))
		}
		pass.Report(analysis.Diagnostic{
			Pos:      f.Pos,
			Category: f.Kind,
			Message:  message(f, kind),
			URL:      URL(check) + "#" + f.Kind,
			Related:  f.Related,
		})
	}
}

// Consequence is the shared tail of every message: what breaks with a
// second replica, and where the state should live instead.
func Consequence(k knowledge.Kind) string { return k.Breaks + "; " + k.Advice }
