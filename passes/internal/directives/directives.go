// Package directives is a helper pass that parses statelint's
// //statelint: comments. //statelint:ignore on the line of a finding (or
// the line above it) silences that finding; on the declaration of a piece
// of state it silences every finding on that state: in this package; in
// the packages that import it, through the Ignored fact; and in every
// package above, since the summary pass leaves that state out of exported
// summaries. //statelint:ignore CHECK reason silences the findings of
// that check only (on a declaration, in this package and its importers);
// //statelint:file-ignore CHECK reason those of its file. A comment that
// looks like a directive but is none is kept, Unknown, for the suppress
// check to report.
//
// The result is a pure query: which directives silence a finding. The
// passes that report record which directives they used; the suppress
// check reads those records.
package directives

import (
	"go/ast"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
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

// A Directive is one //statelint: comment.
type Directive struct {
	Pos    token.Pos
	End    token.Pos
	Reason string
	// Checks limits the directive to the findings of these checks
	// (//statelint:ignore memstore reason); empty means every check.
	Checks []string
	// File is set for //statelint:file-ignore CHECK reason, which
	// silences the findings of its checks anywhere in its file.
	File bool
	// BadCheck is the first word of a file-ignore that names no check.
	BadCheck string
	// Unknown is the start of a comment that looks like a directive but
	// is none (// statelint:ignore, //statelint:ignored,
	// //statelint:disable): it silences nothing.
	Unknown string
	file    string
	line    int
	decls   []string // state keys declared on the directive's line or the next
}

// valid reports whether d can silence anything: a malformed directive
// silences nothing, and the suppress check reports it.
func (d *Directive) valid() bool {
	return d.Reason != "" && d.Unknown == "" && d.BadCheck == ""
}

// silences reports whether d silences findings of check at all.
func (d *Directive) silences(check string) bool {
	return d.valid() && (len(d.Checks) == 0 || slices.Contains(d.Checks, check))
}

// AllChecks reports whether d holds for the findings of every check.
func (d *Directive) AllChecks() bool { return len(d.Checks) == 0 }

// Ignored is the package fact listing the state whose declaration carries
// a directive: "g:pkgpath.Var" and "r:pkgpath.Type.field", prefixed with
// "check@" for a directive that names its checks.
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

const (
	ignorePrefix     = "//statelint:ignore"
	fileIgnorePrefix = "//statelint:file-ignore"
)

// nearMiss matches a comment meant as a directive that is none.
var nearMiss = regexp.MustCompile(`(?i)^//\s*statelint\s*:\s*\S*`)

func run(pass *analysis.Pass) (any, error) {
	res := &Result{fset: pass.Fset, imported: map[string][]string{}}
	if scope.IsStd(pass.Pkg.Path()) || scope.IsDependency(pass.Module) {
		return res, nil // no user's directives there, and no state either
	}
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if d := parse(c.Text); d != nil {
					p := pass.Fset.Position(c.Slash)
					d.Pos, d.End, d.file, d.line = c.Slash, c.End(), p.Filename, p.Line
					res.Dirs = append(res.Dirs, d)
				}
			}
		}
	}
	attachDecls(pass, res.Dirs)
	var keys []string
	for _, d := range res.Dirs {
		if d.File || !d.valid() {
			continue
		}
		for _, k := range d.decls {
			if d.AllChecks() {
				keys = append(keys, k)
			}
			for _, c := range d.Checks {
				keys = append(keys, c+"@"+k) // for that check only
			}
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

// parse parses one comment: nil when it is not meant as a directive, a
// Directive with Unknown set when it is a near miss.
func parse(text string) *Directive {
	file := false
	rest, ok := cutDirective(text, ignorePrefix)
	if !ok {
		rest, ok = cutDirective(text, fileIgnorePrefix)
		file = true
	}
	if !ok {
		if m := nearMiss.FindString(text); m != "" {
			return &Directive{Unknown: m}
		}
		return nil
	}
	rest, _, _ = strings.Cut(rest, "//") // a trailing comment is not the reason
	d := &Directive{File: file}
	first, reason, _ := strings.Cut(strings.TrimSpace(rest), " ")
	if checks, ok := checkList(first); ok {
		d.Checks, rest = checks, reason
	} else if file {
		d.BadCheck = first
	}
	d.Reason = strings.TrimSpace(rest)
	return d
}

// cutDirective returns what follows prefix when text is the directive.
func cutDirective(text, prefix string) (string, bool) {
	rest, ok := strings.CutPrefix(text, prefix)
	return rest, ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// checkList parses "memstore" or "memstore,globalstate" when every name is
// a check that reports state (see StateChecks).
func checkList(word string) ([]string, bool) {
	if word == "" {
		return nil, false
	}
	names := strings.Split(word, ",")
	for _, n := range names {
		if !slices.Contains(StateChecks(), n) {
			return nil, false
		}
	}
	return names, true
}

// StateChecks are the checks that report state, which directives name:
// every check of the kinds table but the one that reports directives.
func StateChecks() []string {
	var names []string
	for _, k := range knowledge.Kinds {
		if k.Name != knowledge.Directive && !slices.Contains(names, k.Check) {
			names = append(names, k.Check)
		}
	}
	return names
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
			if !d.File && d.Unknown == "" && d.file == p.Filename && (d.line == p.Line || d.line == p.Line-1) {
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
// of check reported at pos on the state declared at decl (NoPos for none)
// whose key is key (see Ignored), and whether the Ignored fact of the
// package that declares the state silences it.
func (r *Result) Silencing(check string, pos, decl token.Pos, key string) (dirs []*Directive, imported bool) {
	p := r.fset.Position(pos)
	var dp token.Position
	if decl.IsValid() {
		dp = r.fset.Position(decl)
	}
	for _, d := range r.Dirs {
		if !d.silences(check) {
			continue
		}
		inFile := d.File && d.file == p.Filename
		onLine := !d.File && d.file == p.Filename && (d.line == p.Line || d.line == p.Line-1)
		onDecl := !d.File && dp.IsValid() && d.file == dp.Filename && (d.line == dp.Line || d.line == dp.Line-1)
		if inFile || onLine || onDecl || coversKey(d.decls, key) {
			dirs = append(dirs, d)
		}
	}
	return dirs, r.importedIgnore(check, key)
}

// Covering returns the directives with a reason on the declaration of the
// state key. The summary pass leaves the state out of exported facts when
// one of them holds for every check (AllChecks); one for some checks only
// cannot be applied before the effect is a finding of one check or
// another, and holds through the Ignored fact in the importers.
func (r *Result) Covering(key string) []*Directive {
	var out []*Directive
	for _, d := range r.Dirs {
		if d.valid() && coversKey(d.decls, key) {
			out = append(out, d)
		}
	}
	return out
}

// importedIgnore checks the Ignored facts of the package declaring the
// state, for writes made here to another package's exported variables and
// fields (further down, the summary pass has kept them out of facts).
func (r *Result) importedIgnore(check, key string) bool {
	if !strings.HasPrefix(key, "g:") && !strings.HasPrefix(key, "r:") {
		return false
	}
	for path, keys := range r.imported {
		if strings.HasPrefix(key[2:], path+".") && (coversKey(keys, key) || coversKey(keys, check+"@"+key)) {
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
