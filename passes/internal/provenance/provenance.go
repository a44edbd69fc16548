// Package provenance answers where a value comes from, within one
// function and through the calls of its package: which variables an
// address may alias (a global, a parameter, a captured variable, with the
// field path below it), what a map key identifies (a session cookie, the
// client's address, or only the program itself), whether a stored value
// is fixed before any request, and whether a write happens only while a
// process-wide value is still unset (lazy initialisation) or while derived
// data is rebuilt. The summary pass asks it at every site it records.
package provenance

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A RootKind says where a piece of state lives.
type RootKind uint8

// Where state lives.
const (
	Global RootKind = iota + 1 // a package-level variable
	Param                      // a parameter of the summarised function (receiver first)
	Free                       // a free variable of the summarised closure
)

// A Root is the variable that holds state. Effects of a function are
// expressed against its parameters and free variables so that callers can
// substitute their own arguments.
type Root struct {
	Kind   RootKind `json:",omitzero"`
	Index  int      `json:",omitzero"` // Param and Free: position
	Pkg    string   `json:",omitzero"` // Global: package path
	Name   string   `json:",omitzero"` // Global: variable name; Param and Free: the variable's name
	Module string   `json:",omitzero"` // Global: module of Pkg, to drop a dependency's internals
}

// A Tracer answers provenance questions for the functions of one package,
// memoising what several questions share.
type Tracer struct {
	pkg      *ssa.Package
	pkgPath  string
	module   string
	funcs    []*ssa.Function
	returns  map[*ssa.Function][]Loc             // returned, memoised
	unset    map[*ssa.If]int                     // unsetBranch, memoised
	loads    map[*ssa.If]lazyLoad                // loadBranch, memoised
	seeded   map[*ssa.Global]bool                // RandomSeeded, memoised
	writes   *globalWrites                       // globalStores, built on first use
	rebuilds map[*ssa.Function][]*ssa.BasicBlock // rebuildRegions, memoised
	initOnly map[*ssa.Global]bool                // setAtInit, memoised
	embedded map[*ssa.Global]bool                // embeddedDBs, memoised
	changed  map[*ssa.Global]bool                // mutated, memoised
	reset    map[*types.Var]bool                 // fields settledField finds changed after they are made

	// External, when set, reports whether a call reads an external store
	// through code the tables do not name (a helper that queries the
	// database): its result is loaded data.
	External func(*ssa.CallCommon) bool

	// Imported, when set, is what a function of another package returns
	// of its parameters, from that package's facts (a lookup that hands
	// out an entry of its receiver's table), in the function's own terms.
	Imported func(*ssa.Function) []Loc
}

// New returns a tracer for pkg, whose source functions are funcs, in
// module (empty in GOPATH mode).
func New(pkg *ssa.Package, funcs []*ssa.Function, module string) *Tracer {
	return &Tracer{
		pkg: pkg, pkgPath: pkg.Pkg.Path(), module: module, funcs: funcs,
		returns:  map[*ssa.Function][]Loc{},
		unset:    map[*ssa.If]int{},
		loads:    map[*ssa.If]lazyLoad{},
		seeded:   map[*ssa.Global]bool{},
		rebuilds: map[*ssa.Function][]*ssa.BasicBlock{},
	}
}

// GlobalRoot is the root of a package-level variable.
func (a *Tracer) GlobalRoot(g *ssa.Global) Root {
	path := g.Pkg.Pkg.Path()
	return Root{Kind: Global, Pkg: path, Name: g.Name(), Module: a.ModuleOf(path)}
}

// ModuleOf guesses the module of a package: the analysed module when the
// path lies inside it, else the repository root of a dotted path. In
// GOPATH-mode tests, where there is no module, undotted paths are all the
// user's own.
func (a *Tracer) ModuleOf(path string) string {
	if a.module != "" && (path == a.module || strings.HasPrefix(path, a.module+"/")) {
		return a.module
	}
	if path == a.pkgPath {
		return a.module
	}
	parts := strings.Split(path, "/")
	if !strings.Contains(parts[0], ".") {
		return ""
	}
	if len(parts) > 3 {
		parts = parts[:3]
	}
	return strings.Join(parts, "/")
}
