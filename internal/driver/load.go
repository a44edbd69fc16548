package driver

import (
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// load loads the packages named on the command line, reports every
// package error on stderr, and returns the root packages that are fit to
// analyse. It fails only when nothing could be loaded at all.
func (r *runner) load() ([]*packages.Package, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(r.cfg.analyzers) {
		// Facts flow up from dependencies, which must then be
		// analysed from source too.
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	conf := &packages.Config{Mode: mode, Dir: r.cfg.dir, Tests: r.cfg.tests}
	if r.cfg.tags != "" {
		conf.BuildFlags = []string{"-tags=" + r.cfg.tags}
	}
	roots, err := packages.Load(conf, r.cfg.patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(r.cfg.patterns, " "))
	}
	r.printErrors(roots)
	var ok []*packages.Package
	for _, pkg := range roots {
		if nothingToLoad(pkg) {
			continue // its error said so: no such directory, no Go files, all excluded by build constraints
		}
		if why := unfit(pkg); why != "" {
			r.errorf("skipping %s: %s", pkg.ID, why)
			continue
		}
		ok = append(ok, pkg)
	}
	return ok, nil
}

// maxErrors caps the errors printed per package, as the compiler does: the
// first few explain the failure, the rest are usually consequences.
const maxErrors = 10

// printErrors prints each package's errors once, dependencies first, in
// the deterministic order of packages.Postorder, naming the package.
func (r *runner) printErrors(roots []*packages.Package) {
	for pkg := range packages.Postorder(roots) {
		for i, e := range withoutCompilerEcho(pkg.Errors) {
			if i == maxErrors {
				r.errorf("%s: too many errors", pkg.ID)
				break
			}
			msg := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				msg = r.relPos(e.Pos) + ": " + msg
			}
			r.errorf("%s: %s", pkg.ID, msg)
		}
	}
}

// withoutCompilerEcho drops the compiler output ("# pkg" and its errors)
// that go list reports for a package it built for export data when the
// type checker reported the same errors one by one, with positions.
func withoutCompilerEcho(errs []packages.Error) []packages.Error {
	if !slices.ContainsFunc(errs, func(e packages.Error) bool { return e.Kind == packages.TypeError }) {
		return errs
	}
	return slices.DeleteFunc(slices.Clone(errs), func(e packages.Error) bool {
		return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
	})
}

// nothingToLoad reports whether pkg is a pattern that named no Go files:
// go list's error, already printed, says why, and "does not type-check"
// would be wrong.
func nothingToLoad(pkg *packages.Package) bool {
	return len(pkg.Errors) > 0 && len(pkg.GoFiles) == 0 && len(pkg.CompiledGoFiles) == 0 &&
		!slices.ContainsFunc(pkg.Errors, func(e packages.Error) bool { return e.Kind == packages.TypeError })
}

// unfit says why a root package cannot be analysed: the checker skips an
// ill-typed package with an error, and would fail every fact-using
// analyzer on the packages that import it, so say it here in plain words.
func unfit(pkg *packages.Package) string {
	if len(pkg.Errors) > 0 {
		return "it does not type-check"
	}
	if !pkg.IllTyped {
		return ""
	}
	for dep := range packages.Postorder([]*packages.Package{pkg}) {
		if len(dep.Errors) > 0 {
			return "its dependency " + dep.ID + " does not type-check"
		}
	}
	return "a dependency does not type-check"
}

// needFacts reports whether any of the analyzers, or any they require,
// uses facts.
func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if !seen[a] {
				seen[a] = true
				if len(a.FactTypes) > 0 || visit(a.Requires) {
					return true
				}
			}
		}
		return false
	}
	return visit(analyzers)
}

// finding converts a diagnostic to a report.Finding with positions
// relative to the run's directory.
func (r *runner) finding(a *analysis.Analyzer, pkg *packages.Package, d analysis.Diagnostic) report.Finding {
	f := report.Finding{
		Check:    a.Name,
		Category: d.Category,
		Message:  d.Message,
		URL:      docURL(a, d),
		Pos:      r.position(pkg.Fset, d.Pos),
		End:      r.position(pkg.Fset, d.End),
		Package:  pkg.ID,
	}
	for _, rel := range d.Related {
		f.Related = append(f.Related, report.Related{
			Pos:     r.position(pkg.Fset, rel.Pos),
			End:     r.position(pkg.Fset, rel.End),
			Message: rel.Message,
		})
	}
	return f
}

func (r *runner) position(fset *token.FileSet, pos token.Pos) report.Position {
	if !pos.IsValid() {
		return report.Position{}
	}
	p := fset.Position(pos)
	return report.Position{File: r.rel(p.Filename), Line: p.Line, Column: p.Column}
}

// rel makes an absolute file name relative to the run's directory and
// slash-separated, so that output, baselines and SARIF do not depend on
// where the checkout lives. Files outside it keep their absolute name.
func (r *runner) rel(name string) string {
	if rel, err := filepath.Rel(r.cfg.dir, name); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(name)
}

// relPos applies rel to the file of a "file:line:col" position.
func (r *runner) relPos(pos string) string {
	file, rest, _ := strings.Cut(pos, ":")
	if rest == "" {
		return r.rel(file)
	}
	return r.rel(file) + ":" + rest
}
