// Package directives is a helper pass that parses statelint's
// //statelint:ignore comments. A directive on the line of a finding (or
// the line above it) silences that finding; on the declaration of a piece
// of state it silences every finding on that state: in this package; in
// the packages that import it, through the Ignored fact; and in every
// package above, since the summary pass leaves that state out of exported
// summaries.
//
// The result is a pure query: which directives silence a finding. The
// passes that report record which directives they used; the suppress
// check reads those records.
package directives

import (
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/guard"

	"golang.org/x/tools/go/analysis"
)

// Analyzer parses the directives of a package and exports the state they
// cover on its declaration.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintdirectives",
	Doc:        "parse //statelint:ignore directives and export the declarations they cover",
	Run:        guard.Helper(run),
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Ignored)},
}

// A Directive is one //statelint:ignore comment.
type Directive struct {
	Pos    token.Pos
	End    token.Pos
	Reason string
	file   string
	line   int
	decls  []string // state keys declared on the directive's line or the next
}

// Ignored is the package fact listing the state whose declaration carries
// a directive: "g:pkgpath.Var" and "r:pkgpath.Type.field".
type Ignored struct{ Keys []string }

// AFact marks Ignored as an analysis fact.
func (*Ignored) AFact() {}

func (i *Ignored) String() string { return "ignored(" + strings.Join(i.Keys, ", ") + ")" }

// Result is the package's directives and the ignored keys of the packages
// it imports.
type Result struct {
	Dirs     []*Directive
	fset     *token.FileSet
	imported map[string][]string // package path -> its Ignored keys
}

const prefix = "//statelint:ignore"

func run(pass *analysis.Pass) (any, error) {
	res := &Result{fset: pass.Fset, imported: map[string][]string{}}
	if scope.IsStd(pass.Pkg.Path()) || scope.IsDependency(pass.Module) {
		return res, nil // no user's directives there, and no state either
	}
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, prefix)
				if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue
				}
				reason, _, _ := strings.Cut(rest, "//") // a trailing comment is not the reason
				p := pass.Fset.Position(c.Slash)
				res.Dirs = append(res.Dirs, &Directive{Pos: c.Slash, End: c.End(), Reason: strings.TrimSpace(reason), file: p.Filename, line: p.Line})
			}
		}
	}
	attachDecls(pass, res.Dirs)
	var keys []string
	for _, d := range res.Dirs {
		if d.Reason != "" {
			keys = append(keys, d.decls...)
		}
	}
	if len(keys) > 0 {
		slices.Sort(keys)
		pass.ExportPackageFact(&Ignored{Keys: slices.Compact(keys)})
	}
	for _, imp := range pass.Pkg.Imports() {
		var ign Ignored
		if pass.ImportPackageFact(imp, &ign) {
			res.imported[imp.Path()] = ign.Keys
		}
	}
	return res, nil
}

// attachDecls finds the package-level variables and struct fields
// declared on each directive's line or the line after it.
func attachDecls(pass *analysis.Pass, dirs []*Directive) {
	if len(dirs) == 0 {
		return
	}
	pkg := pass.Pkg.Path()
	add := func(id *ast.Ident, key string) {
		p := pass.Fset.Position(id.Pos())
		for _, d := range dirs {
			if d.file == p.Filename && (d.line == p.Line || d.line == p.Line-1) {
				d.decls = append(d.decls, key)
			}
		}
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, id := range spec.Names {
						add(id, "g:"+pkg+"."+id.Name)
					}
				case *ast.TypeSpec:
					st, ok := spec.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, fld := range st.Fields.List {
						for _, id := range fld.Names {
							add(id, "r:"+pkg+"."+spec.Name.Name+"."+id.Name)
						}
					}
				}
			}
		}
	}
}

// Exported reports whether d sits on the declaration of an exported
// variable or field, which other packages may write: it may silence
// findings elsewhere even when it silences none here.
func (d *Directive) Exported() bool {
	for _, k := range d.decls {
		name := k[strings.LastIndex(k, ".")+1:]
		if ast.IsExported(name) {
			return true
		}
	}
	return false
}

// Silencing returns the directives with a reason that silence a finding
// reported at pos on the state declared at decl (NoPos for none) whose
// key is key (see Ignored), and whether the Ignored fact of the package
// that declares the state silences it.
func (r *Result) Silencing(pos, decl token.Pos, key string) (dirs []*Directive, imported bool) {
	p := r.fset.Position(pos)
	var dp token.Position
	if decl.IsValid() {
		dp = r.fset.Position(decl)
	}
	for _, d := range r.Dirs {
		if d.Reason == "" {
			continue
		}
		onLine := d.file == p.Filename && (d.line == p.Line || d.line == p.Line-1)
		onDecl := dp.IsValid() && d.file == dp.Filename && (d.line == dp.Line || d.line == dp.Line-1)
		if onLine || onDecl || coversKey(d.decls, key) {
			dirs = append(dirs, d)
		}
	}
	return dirs, r.importedIgnore(key)
}

// Covering returns the directives with a reason on the declaration of the
// state key: what the summary pass leaves out of exported facts.
func (r *Result) Covering(key string) []*Directive {
	var out []*Directive
	for _, d := range r.Dirs {
		if d.Reason != "" && coversKey(d.decls, key) {
			out = append(out, d)
		}
	}
	return out
}

// importedIgnore checks the Ignored facts of the package declaring the
// state, for writes made here to another package's exported variables and
// fields (further down, the summary pass has kept them out of facts).
func (r *Result) importedIgnore(key string) bool {
	if !strings.HasPrefix(key, "g:") && !strings.HasPrefix(key, "r:") {
		return false
	}
	for path, keys := range r.imported {
		if strings.HasPrefix(key[2:], path+".") && coversKey(keys, key) {
			return true
		}
	}
	return false
}

func coversKey(keys []string, key string) bool {
	for _, k := range keys {
		if key == k || strings.HasPrefix(key, k+".") {
			return true
		}
	}
	return false
}

// A Use is the set of directives a pass used to silence its findings.
type Use map[*Directive]bool

// Add records dirs as used.
func (u Use) Add(dirs []*Directive) {
	for _, d := range dirs {
		u[d] = true
	}
}
