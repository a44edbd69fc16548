// Package summary is a helper pass that computes, for every function, a
// bounded summary of the state it writes and reads: package-level
// variables, and through its parameters and free variables whatever its
// callers pass; local files; directly or through callees. It exports the
// summary as a fact so that the summary of store.Save reaches a handler
// in another package under go vet, which analyses one package at a time.
// A second fact, FieldGlobals, names the fields of a struct type that its
// package always fills from one package-level variable, so that a value
// made per request still leads to the process's own state.
//
// Summaries say what is touched and how, never whether that is a finding:
// the state pass decides which roots outlive a request and what kind of
// state they are.
package summary

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/extio"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/prompts"
	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer computes and exports effect summaries.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintsummary",
	Doc:        "compute what state each function writes and reads, directly or through callees",
	Run:        guard.Helper(run),
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer, directives.Analyzer, prompts.Analyzer, extio.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Summary), new(FieldGlobals)},
}

// Result gives the summaries of the package's functions.
type Result struct {
	// Exported lists the directives on declarations of state that an
	// exported function writes: they hold for its callers elsewhere,
	// through the summaries that leave that state out.
	Exported directives.Use
	s        *summarizer
	// mu serialises the questions of the analyzers that share the
	// Result (state and wiring run side by side): summaries are
	// computed and cached as they are asked for.
	mu sync.Mutex
}

// Of returns the summary of a function of this package, computing it on
// first use. It is empty for a package without SSA.
func (r *Result) Of(fn *ssa.Function) *Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.s == nil {
		return &Summary{}
	}
	return r.s.summarize(fn)
}

// OfCallee returns the summary of a function called from this package:
// its own, or its Summary fact when another package declares it. It is
// nil when there is none.
func (r *Result) OfCallee(fn *ssa.Function) *Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.s == nil {
		return nil
	}
	sum, _ := r.s.calleeSummary(fn)
	return sum
}

// OfMethod returns the summary of the method name of impl, a type of
// this package or of one it imports, or nil.
func (r *Result) OfMethod(impl types.Type, name string) *Summary {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.s == nil {
		return nil
	}
	var pkg *types.Package
	if n, ok := types.Unalias(typeshape.Deref(impl)).(*types.Named); ok {
		pkg = n.Obj().Pkg()
	}
	obj, _, _ := types.LookupFieldOrMethod(impl, true, pkg, name)
	m, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	sum, _ := r.s.methodSummary(impl, m)
	return sum
}

// Own reports whether a package belongs to the module being analysed,
// whose functions have summaries.
func (r *Result) Own(path string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.s != nil && r.s.prov.ModuleOf(path) == r.s.module
}

// summarizer holds the per-package working state of one run.
type summarizer struct {
	pass        *analysis.Pass
	ssaPkg      *ssa.Package
	module      string
	prov        *provenance.Tracer
	fields      map[*types.TypeName]*FieldGlobals       // fieldGlobals
	callers     map[*ssa.Function][]ssa.CallInstruction // callersOf, built once
	binds       map[*ssa.Function]map[int]*ssa.Function // the functions passed to the parameters of a function summarised for one call
	specs       map[string]*Summary                     // specialized, memoised per binding
	prompts     *prompts.Result
	sums        map[*ssa.Function]*Summary
	imported    map[types.Object]*Summary // importedSummary, nil when there is none
	funcs       []*ssa.Function
	impls       map[string][]types.Type       // implementations of interfaces, by interface
	cookies     map[ssa.Value]bool            // memo of cookieValue
	memoFills   map[*ssa.Function][]ssa.Value // memo of memoFilled
	containers  map[string]bool               // typeshape.DependencyContainer of called types, by type
	conversions map[[2]string]bool            // (concrete, interface) conversions made here
	concrete    []*types.TypeName             // candidate implementations of interfaces
	readBack    map[string]Use                // ReadBack, built on first use
	returned    map[string]uint8              // who returns each state, with readBack
	relayFields map[*types.Var]bool           // channel fields relayed to subscribers, built on first use
	downs       map[types.Object]bool         // counters some function steps down (steppedDown), built on first use
	held        map[*types.Var][]types.Type   // the concrete types stored in each interface field (heldType), built on first use
}

// ReadBack is the strongest use that a function of this package makes
// of the value of the state key names ("g:pkg.Var.path" for a global,
// "r:pkg.Type.path" for a field of a receiver), counting only uses that
// or 0 when it reads none: UseExport for a counter only logged or
// exported.
func (r *Result) ReadBack(key string) Use {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.s == nil {
		return 0
	}
	return r.s.readBackOf(key)
}

func (a *summarizer) readBackOf(key string) Use {
	if a.readBack == nil {
		a.readBack = map[string]Use{}
		a.returned = map[string]uint8{}
		for _, fn := range a.funcs {
			effects := a.summarize(fn).Effects
			writes := map[string]bool{}
			for _, e := range effects {
				if k := useKey(fn, e); k != "" && e.Op == Write {
					writes[k] = true
				}
			}
			for _, e := range effects {
				a.noteUse(fn, e)
				if k := useKey(fn, e); k != "" && e.Op == Read && e.Use == UseReturn && fn.Object() != nil && fn.Object().Exported() {
					if writes[k] {
						a.returned[k] |= byWriter
					} else {
						a.returned[k] |= byGetter
					}
				}
			}
		}
	}
	return a.readBack[key]
}

// Who returns a piece of state from an exported function.
const (
	byGetter uint8 = 1 << iota // a function that only reads it (Load, a copy for a collector)
	byWriter                   // one that also writes it (UpdateBalance, a resolver's Like)
)

// Returners tells who, among the exported functions of this package,
// returns the state at key (ReadBack's UseReturn): a getter, which only
// reads it and whose callers elsewhere decide what it is for, and a
// writer, which also writes it and returns the result (a balance update,
// a resolver's Like).
func (r *Result) Returners(key string) (getter, writer bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.s == nil {
		return false, false
	}
	r.s.readBackOf(key)
	return r.s.returned[key]&byGetter != 0, r.s.returned[key]&byWriter != 0
}

// noteUse records the use a read of fn makes. A value an unexported
// function returns is judged where it is called, as its callers' reads.
func (a *summarizer) noteUse(fn *ssa.Function, e Effect) {
	use := e.Use
	switch {
	case e.Op != Read || use == UseNone:
		return
	case use == UseUnknown:
		use = UseData
	case use == UseReturn && (fn.Object() == nil || !fn.Object().Exported()):
		return
	}
	if k := useKey(fn, e); k != "" {
		a.readBack[k] = max(a.readBack[k], use)
	}
}

// stateUse is the strongest use this package makes of the state a write
// of fn touches, under its own name or as a named type's methods see it.
func (a *summarizer) stateUse(fn *ssa.Function, e Effect) Use {
	use := a.readBackOf(useKey(fn, e))
	if e.Root.Kind == Param && e.Root.Index == 0 && fn.Signature.Recv() != nil {
		for _, k := range Aliases(fn.Signature.Recv().Type(), e.Path) {
			use = max(use, a.readBackOf(k))
		}
	}
	return use
}

// useKey names the state an effect of fn touches, as ReadBack does.
func useKey(fn *ssa.Function, e Effect) string {
	switch {
	case e.Root.Kind == Global:
		return "g:" + e.Root.Pkg + "." + e.Root.Name + e.Path
	case e.Root.Kind == Param && e.Root.Index == 0 && fn.Signature.Recv() != nil:
		return "r:" + typeName(fn.Signature.Recv().Type()) + e.Path
	}
	return ""
}

// Aliases names the state at path below a root of type t as the methods
// of each named type on the way see it: Upgrader.pool.serial is
// deflaterPool.serial to deflaterPool.Select, which reads it.
func Aliases(t types.Type, path string) []string {
	parts := strings.Split(strings.TrimPrefix(path, "."), ".")
	var out []string
	for i, name := range parts[:max(len(parts)-1, 0)] {
		f := ssautil.FieldNamed(t, name)
		if f == nil {
			break
		}
		t = f.Type()
		if tn := names.TypeName(t); tn != "" {
			out = append(out, "r:"+tn+"."+strings.Join(parts[i+1:], "."))
		}
	}
	return out
}

// allFuncs yields the package's source functions and literals.
func (a *summarizer) allFuncs() func(func(*ssa.Function) bool) {
	return func(yield func(*ssa.Function) bool) {
		for _, fn := range a.funcs {
			if !yield(fn) {
				return
			}
		}
	}
}

func run(pass *analysis.Pass) (any, error) {
	s := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	res := &Result{Exported: directives.Use{}}
	if s.Pkg == nil {
		return res, nil
	}
	a := &summarizer{
		pass:       pass,
		ssaPkg:     s.Pkg,
		prompts:    pass.ResultOf[prompts.Analyzer].(*prompts.Result),
		sums:       map[*ssa.Function]*Summary{},
		funcs:      s.SrcFuncs,
		impls:      map[string][]types.Type{},
		cookies:    map[ssa.Value]bool{},
		memoFills:  map[*ssa.Function][]ssa.Value{},
		containers: map[string]bool{},
		binds:      map[*ssa.Function]map[int]*ssa.Function{},
		specs:      map[string]*Summary{},
	}
	if pass.Module != nil {
		a.module = pass.Module.Path // in GOPATH mode, none: undotted paths are the user's
	}
	a.prov = provenance.New(s.Pkg, s.SrcFuncs, a.module)
	a.prov.External = loads(pass.ResultOf[extio.Analyzer].(*extio.Result))
	a.prov.Imported = a.importedReturns
	res.s = a
	dirs := pass.ResultOf[directives.Analyzer].(*directives.Result)
	for _, fn := range s.SrcFuncs {
		a.export(fn, dirs, res.Exported)
	}
	a.fields = a.fieldGlobals()
	return res, nil
}

// loads reports whether a call reads an external store, directly or
// through the helpers extio summarises (a function of another package of
// the module that queries the database).
func loads(ext *extio.Result) func(*ssa.CallCommon) bool {
	return func(c *ssa.CallCommon) bool {
		callee := c.StaticCallee()
		if callee == nil {
			return false
		}
		var effects []extio.Effect
		ext.Do(func() { effects = ext.Of(callee).Effects })
		for _, e := range effects {
			if e.Op == extio.Read && e.Store != knowledge.StoreFile {
				return true // files the deployment ships are configuration
			}
		}
		return false
	}
}

// export summarises a declared function and exports the summary as a fact
// when another package can call it (it is exported) and it has effects.
// Unexported functions are summarised all the same, for this package's
// own use: go vet copies every fact into every importer's output, so a
// fact nobody can use still costs on every package above.
func (a *summarizer) export(fn *ssa.Function, dirs *directives.Result, used directives.Use) {
	sum := a.summarize(fn)
	if fn.Parent() != nil || fn.Synthetic != "" {
		return
	}
	obj := fn.Object()
	if obj == nil || !obj.Exported() {
		return
	}
	fact := forImporters(sum)
	for i, e := range fact.Effects {
		if e.Op == Write {
			fact.Effects[i].Use = max(e.Use, a.stateUse(fn, e))
		}
	}
	fact.Effects = slices.DeleteFunc(fact.Effects, func(e Effect) bool { return a.ignoredForImporters(fn, e, dirs, used) })
	fact.Returns = a.returns(fn)
	if len(fact.Effects) > 0 || len(fact.Calls) > 0 || len(fact.Flows) > 0 || len(fact.Returns) > 0 {
		a.pass.ExportObjectFact(obj, fact)
	}
}

// forImporters trims a summary to what other packages use: every write
// and file effect, and the reads that classify a write (a lookup makes a
// get-or-load cache). Other reads only relate handlers of the package
// that reads (requestorder), so they stay out of the fact, which go vet
// copies into the output of every package above.
func forImporters(sum *Summary) *Summary {
	out := &Summary{Effects: make([]Effect, 0, len(sum.Effects)), Calls: sum.Calls, Flows: sum.Flows}
	for _, e := range sum.Effects {
		if e.Op != Read || e.Hint == "lookup" {
			out.Effects = append(out.Effects, e)
		}
	}
	return out
}

// ignoredForImporters reports whether e, an effect of the exported
// function fn, is on state whose declaration here carries a directive. It
// is left out of fn's fact, so that the directive holds wherever fn's
// callers are, however far up the imports: go vet gives a package the
// facts of the packages it imports, but the Ignored fact of a package
// only to the packages that import it directly.
func (a *summarizer) ignoredForImporters(fn *ssa.Function, e Effect, dirs *directives.Result, used directives.Use) bool {
	var key string
	switch {
	case e.Root.Kind == Global && e.Root.Pkg == a.pass.Pkg.Path():
		key = "g:" + e.Root.Pkg + "." + e.Root.Name + e.Path
	case e.Root.Kind == Param && e.Root.Index == 0 && e.Path != "" && fn.Signature.Recv() != nil:
		key = "r:" + typeName(fn.Signature.Recv().Type()) + e.Path
	default:
		return false
	}
	covering := dirs.Covering(key)
	used.Add(covering) // the importers use them
	return slices.ContainsFunc(covering, (*directives.Directive).AllChecks)
}

// Pos is where the effect's site is, when it lies in the package being
// analysed; NoPos otherwise.
func (e Effect) Pos() token.Pos { return e.pos }

// Pos is where the call is, when it lies in the package being analysed.
func (h Hop) Pos() token.Pos { return h.pos }
