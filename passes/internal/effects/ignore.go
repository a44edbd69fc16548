package effects

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A Directive is a //statelint:ignore comment. On the line of a finding
// (or the line above it) it silences that finding; on the declaration of
// a piece of state it silences every finding on that state: in this
// package; in the packages that import it, through the Ignored fact; and
// in every package above, since the exported summaries leave it out.
type Directive struct {
	Pos    token.Pos
	End    token.Pos
	Reason string
	Used   bool
	// Exported is set when the directive sits on the declaration of an
	// exported variable or field, which other packages may write, or of
	// state that an exported function writes for its callers elsewhere.
	Exported bool
	file     string
	line     int
	decls    []string // state keys declared on the directive's line or the next
}

// Ignored is the package fact listing the state whose declaration carries
// a directive: "g:pkgpath.Var" and "r:pkgpath.Type.field".
type Ignored struct{ Keys []string }

// AFact marks Ignored as an analysis fact.
func (*Ignored) AFact() {}

func (i *Ignored) String() string { return "ignored(" + strings.Join(i.Keys, ", ") + ")" }

const directivePrefix = "//statelint:ignore"

// directives parses the package's //statelint:ignore comments and exports
// the declarations they cover.
func (a *analyzer) directives() []*Directive {
	var out []*Directive
	for _, f := range a.pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, directivePrefix)
				if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue
				}
				reason, _, _ := strings.Cut(rest, "//") // a trailing comment is not the reason
				p := a.pass.Fset.Position(c.Slash)
				out = append(out, &Directive{Pos: c.Slash, End: c.End(), Reason: strings.TrimSpace(reason), file: p.Filename, line: p.Line})
			}
		}
	}
	a.attachDecls(out)
	var keys []string
	for _, d := range out {
		if d.Reason != "" {
			keys = append(keys, d.decls...)
		}
	}
	if len(keys) > 0 {
		slices.Sort(keys)
		a.pass.ExportPackageFact(&Ignored{Keys: slices.Compact(keys)})
	}
	return out
}

// attachDecls finds the package-level variables and struct fields
// declared on each directive's line or the line after it.
func (a *analyzer) attachDecls(dirs []*Directive) {
	if len(dirs) == 0 {
		return
	}
	pkg := a.pass.Pkg.Path()
	add := func(id *ast.Ident, key string, exported bool) {
		p := a.pass.Fset.Position(id.Pos())
		for _, d := range dirs {
			if d.file == p.Filename && (d.line == p.Line || d.line == p.Line-1) {
				d.decls = append(d.decls, key)
				d.Exported = d.Exported || exported
			}
		}
	}
	for _, f := range a.pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, id := range spec.Names {
						add(id, "g:"+pkg+"."+id.Name, id.IsExported())
					}
				case *ast.TypeSpec:
					st, ok := spec.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, fld := range st.Fields.List {
						for _, id := range fld.Names {
							add(id, "r:"+pkg+"."+spec.Name.Name+"."+id.Name, id.IsExported())
						}
					}
				}
			}
		}
	}
}

// suppress drops the findings that a directive silences, marking the
// directives used. Directives without a reason silence nothing.
func (a *analyzer) suppress(fs []Finding, dirs []*Directive) []Finding {
	var out []Finding
	for _, f := range fs {
		if !a.silenced(f, dirs) {
			out = append(out, f)
		}
	}
	return out
}

func (a *analyzer) silenced(f Finding, dirs []*Directive) bool {
	p := a.pass.Fset.Position(f.Pos)
	var decl token.Position
	if f.decl.IsValid() {
		decl = a.pass.Fset.Position(f.decl)
	}
	hit := false
	for _, d := range dirs {
		if d.Reason == "" {
			continue
		}
		onLine := d.file == p.Filename && (d.line == p.Line || d.line == p.Line-1)
		onDecl := decl.IsValid() && d.file == decl.Filename && (d.line == decl.Line || d.line == decl.Line-1)
		if onLine || onDecl || coversKey(d.decls, f.stateKey) {
			d.Used = true
			hit = true
		}
	}
	return hit || a.importedIgnore(f.stateKey)
}

// ignoredForImporters reports whether e, an effect of the exported
// function fn, is on state whose declaration here carries a directive. It
// is left out of fn's fact, so that the directive holds wherever fn's
// callers are, however far up the imports: go vet gives a package the
// facts of the packages it imports, but the Ignored fact of a package
// only to the packages that import it directly.
func (a *analyzer) ignoredForImporters(fn *ssa.Function, e Effect, dirs []*Directive) bool {
	var key string
	switch {
	case e.Root.Kind == Global && e.Root.Pkg == a.pass.Pkg.Path():
		key = "g:" + e.Root.Pkg + "." + e.Root.Name + e.Path
	case e.Root.Kind == Param && e.Root.Index == 0 && e.Path != "" && fn.Signature.Recv() != nil:
		key = "r:" + typeName(fn.Signature.Recv().Type()) + e.Path
	default:
		return false
	}
	hit := false
	for _, d := range dirs {
		if d.Reason != "" && coversKey(d.decls, key) {
			d.Exported = true
			hit = true
		}
	}
	return hit
}

// importedIgnore checks the Ignored facts of the package declaring the
// state, for writes made here to another package's exported variables and
// fields (further down, ignoredForImporters has kept them out of facts).
func (a *analyzer) importedIgnore(key string) bool {
	if !strings.HasPrefix(key, "g:") && !strings.HasPrefix(key, "r:") {
		return false
	}
	for _, imp := range a.pass.Pkg.Imports() {
		if !strings.HasPrefix(key[2:], imp.Path()+".") {
			continue
		}
		var ign Ignored
		if a.pass.ImportPackageFact(imp, &ign) && coversKey(ign.Keys, key) {
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
