package checks

import (
	"cmp"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// Options say how a driver wants the checks' diagnostics. Wrap reads them
// each time a check runs, so a driver may fill them from flags it parses
// after wrapping, as unitchecker does.
type Options struct {
	// Generated keeps findings in generated files ("// Code generated
	// ... DO NOT EDIT."), which are dropped by default in every driver,
	// as golangci-lint does: nobody can fix them there.
	Generated bool
	// Tag ends each message with [check/kind], for a driver that prints
	// the message alone (go vet's text output).
	Tag bool
	// Done, when set, is called (concurrently) each time a check has
	// run on a package, for a driver's progress line.
	Done func()
}

// Wrap returns the analyzers adapted to a driver: findings in generated
// files are dropped unless opts.Generated, a diagnostic without an end
// ends where the reported expression does, and messages are tagged when
// opts.Tag. A check that requires another check of the set (suppress
// requires memstore, to learn which directives it used) requires its
// wrapper instead, so that nothing runs twice; the helper passes are
// shared as they are.
func Wrap(analyzers []*analysis.Analyzer, opts *Options) []*analysis.Analyzer {
	wrapped := make(map[*analysis.Analyzer]*analysis.Analyzer, len(analyzers))
	for _, a := range analyzers {
		w := *a
		wrapped[a] = &w
	}
	original := make(map[*analysis.Analyzer]*analysis.Analyzer, len(analyzers))
	for a, w := range wrapped {
		original[w] = a
	}
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		w := wrapped[a]
		w.Requires = make([]*analysis.Analyzer, len(a.Requires))
		for j, r := range a.Requires {
			w.Requires[j] = cmp.Or(wrapped[r], r)
		}
		w.Run = wrapRun(a, opts, original)
		out[i] = w
	}
	return out
}

// wrapRun runs a with a pass whose Report adapts diagnostics and whose
// ResultOf is keyed by the analyzers a asked for, not their wrappers.
func wrapRun(a *analysis.Analyzer, opts *Options, original map[*analysis.Analyzer]*analysis.Analyzer) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		inner := *pass
		inner.ResultOf = make(map[*analysis.Analyzer]any, len(pass.ResultOf))
		for k, v := range pass.ResultOf {
			inner.ResultOf[cmp.Or(original[k], k)] = v
		}
		inner.Report = func(d analysis.Diagnostic) {
			if f := fileOf(pass, d.Pos); f != nil && !opts.Generated && ast.IsGenerated(f) {
				return
			}
			d.End = endOf(pass, d.Pos, d.End)
			d.Related = append([]analysis.RelatedInformation(nil), d.Related...)
			for i, r := range d.Related {
				d.Related[i].End = endOf(pass, r.Pos, r.End)
			}
			if opts.Tag {
				d.Message += " [" + ruleID(a.Name, d.Category) + "]"
			}
			pass.Report(d)
		}
		if opts.Done != nil {
			defer opts.Done()
		}
		return a.Run(&inner)
	}
}

func ruleID(check, category string) string {
	if category == "" {
		return check
	}
	return check + "/" + category
}

// fileOf returns the file of the package that holds pos, or nil.
func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// endOf is end, or when end is unset the end of the expression or simple
// statement reported at pos: the checks report SSA positions, which are a
// single token (the operand of hits++, the "(" of a call, the "[" of a map
// store), and viewers underline from Pos to End.
func endOf(pass *analysis.Pass, pos, end token.Pos) token.Pos {
	f := fileOf(pass, pos)
	if end.IsValid() || !pos.IsValid() || f == nil {
		return end
	}
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	if len(path) == 0 {
		return end
	}
	n := path[0]
	for _, p := range path[1:] {
		if p.Pos() != n.Pos() || !simple(p) {
			break
		}
		n = p
	}
	return n.End()
}

// simple reports whether n is an expression or a statement that holds no
// other statements, which a finding may span.
func simple(n ast.Node) bool {
	switch n.(type) {
	case ast.Expr, *ast.AssignStmt, *ast.IncDecStmt, *ast.ExprStmt, *ast.SendStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	}
	return false
}
