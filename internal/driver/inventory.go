package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"os"
	"slices"

	"github.com/statelint/statelint/internal/inventory"
	"github.com/statelint/statelint/internal/report"
	invpass "github.com/statelint/statelint/passes/inventory"
	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// inventory writes the state inventory of the packages instead of their
// findings. It exits 0 once the report is written, whatever state it
// lists: it is an audit, and the findings are what gate a change. With a
// baseline, the state that a finding outside the baseline is about is
// marked as added by the change.
func (r *runner) inventory(base *report.Baseline) int {
	end := r.startProgress()
	pkgs, err := r.load()
	if err != nil {
		end()
		r.errorf("%v", err)
		return exitError
	}
	r.progress.begin(fmt.Sprintf("analysing %s", plural(countPackages(pkgs), "package", "packages")), len(pkgs))
	parts := r.parts(pkgs)
	end()
	opt := inventory.Options{Rel: r.rel, Requires: r.requires(pkgs), Modules: mainModules(pkgs)}
	if base != nil {
		opt.New = r.fresh(*base, parts)
	}
	inv := inventory.Build(parts, opt)
	var buf bytes.Buffer
	if r.cfg.format == "json" {
		err = inventory.WriteJSON(&buf, inv)
	} else {
		err = inventory.WriteMarkdown(&buf, inv)
	}
	if err == nil {
		_, err = r.stdout.Write(buf.Bytes())
	}
	if err != nil {
		r.errorf("writing output: %v", err)
	}
	if len(r.problems) > 0 {
		return exitError
	}
	return exitClean
}

// parts runs the inventory pass on the packages and returns its parts,
// without the findings the other modes drop: in generated files (unless
// -generated) and in files -exclude names.
func (r *runner) parts(pkgs []*packages.Package) []*inventory.Part {
	if len(pkgs) == 0 {
		return nil
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{invpass.Analyzer}, pkgs, nil)
	if err != nil {
		r.errorf("%v", err)
		return nil
	}
	generated := map[string]bool{}
	if !r.cfg.generated {
		for _, pkg := range pkgs {
			for _, f := range pkg.Syntax {
				if ast.IsGenerated(f) {
					generated[pkg.Fset.File(f.Pos()).Name()] = true
				}
			}
		}
	}
	var parts []*inventory.Part
	for _, act := range graph.Roots {
		r.progress.step()
		if act.Err != nil {
			r.errorf("%s: %v", act.Package.ID, act.Err)
			continue
		}
		part := act.Result.(*inventory.Part)
		part.Records = slices.DeleteFunc(part.Records, func(rec inventory.Record) bool {
			return generated[rec.Pos.File] || r.excluded(r.rel(rec.Pos.File))
		})
		parts = append(parts, part)
	}
	return parts
}

// fresh returns whether a finding is one the baseline does not accept.
func (r *runner) fresh(base report.Baseline, parts []*inventory.Part) func(string, inventory.Position, string) bool {
	type key struct {
		check, message string
		pos            inventory.Position
	}
	var findings []report.Finding
	for _, p := range parts {
		for _, rec := range p.Records {
			if rec.Accepted == "" {
				findings = append(findings, report.Finding{
					Check: rec.Check, Category: rec.Kind, Message: rec.Message,
					Pos: report.Position{File: r.rel(rec.Pos.File), Line: rec.Pos.Line, Column: rec.Pos.Column},
				})
			}
		}
	}
	fresh, _ := base.Filter(report.Normalize(findings))
	isNew := map[key]bool{}
	for _, f := range fresh {
		isNew[key{f.Check, f.Message, inventory.Position{File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Column}}] = true
	}
	return func(check string, pos inventory.Position, message string) bool {
		return isNew[key{check, message, pos}]
	}
}

// requires reads the requirements of the go.mod files of the modules the
// packages belong to, to tell which shared stores the service already has
// a client for.
func (r *runner) requires(pkgs []*packages.Package) []inventory.Client {
	seen := map[string]bool{}
	var out []inventory.Client
	for _, pkg := range pkgs {
		m := pkg.Module
		if m == nil || !m.Main || m.GoMod == "" || seen[m.GoMod] {
			continue
		}
		seen[m.GoMod] = true
		data, err := os.ReadFile(m.GoMod)
		if err != nil {
			r.errorf("%v", err)
			continue
		}
		f, err := modfile.ParseLax(m.GoMod, data, nil)
		if err != nil {
			r.errorf("%v", err)
			continue
		}
		for _, req := range f.Require {
			out = append(out, inventory.Client{Module: req.Mod.Path, Version: req.Mod.Version, Indirect: req.Indirect})
		}
	}
	slices.SortFunc(out, func(x, y inventory.Client) int {
		return cmp.Or(cmp.Compare(x.Module, y.Module), cmp.Compare(x.Version, y.Version))
	})
	return slices.Compact(out)
}

// mainModules are the paths of the modules the packages belong to.
func mainModules(pkgs []*packages.Package) []string {
	var out []string
	for _, pkg := range pkgs {
		if m := pkg.Module; m != nil && m.Main && !slices.Contains(out, m.Path) {
			out = append(out, m.Path)
		}
	}
	slices.Sort(out)
	return out
}
