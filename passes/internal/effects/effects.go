// Package effects is statelint's engine. For every function it computes a
// summary of the state it writes and reads (package-level variables, and
// through its parameters whatever its callers pass), directly or through
// callees, and exports it as a fact so that the summary of store.Save
// reaches a handler in another package under go vet. From the summaries of
// the request-path entry points it derives the findings that the checks
// report: which state each handler writes or reads, through which calls,
// classified by kind.
package effects

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer computes effect summaries and the findings derived from them.
var Analyzer = &analysis.Analyzer{
	Name:       "statelinteffects",
	Doc:        "compute what state each function writes and reads, and what request paths reach",
	Run:        run,
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer, handlers.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Summary), new(Ignored), new(StoreCtor), new(Prompts)},
}

// A Finding is one piece of hidden state on a request path, ready for the
// check that owns its kind to report.
type Finding struct {
	Check   string // "globalstate", "memstore", "fswrite", "requestorder"
	Kind    string // category, see knowledge.Kinds
	Pos     token.Pos
	State   string // display name of the state, e.g. "sessions", "Server.cache"
	Handler string // `handler for "POST /login"` or `handler (*Server).login`
	What    string // how the site touches it, e.g. "os.WriteFile"
	Writer  string // requestorder: the handler that keeps the state
	Title   string // overrides the kind's title, e.g. "session store on local disk"
	Related []analysis.RelatedInformation

	decl     token.Pos // declaration of the state, for //statelint:ignore
	stateKey string
	site     string    // the site itself, which may lie in another package
	owner    string    // the component that encapsulates the state, if any
	fn       token.Pos // the function of this package that reaches the site
	remote   bool      // the site lies behind a call into another package
}

// Result is what the checks read.
type Result struct {
	Findings   []Finding
	Directives []*Directive
}

// analyzer holds the per-package working state of one run.
type analyzer struct {
	pass        *analysis.Pass
	ssaPkg      *ssa.Package
	module      string
	sums        map[*ssa.Function]*Summary
	entries     *handlers.Result
	funcs       []*ssa.Function
	perReq      map[string]bool                     // named types allocated only on request paths
	returns     map[*ssa.Function][]loc             // what getters return, memoised
	unset       map[*ssa.If]int                     // unsetBranch, memoised
	rebuilds    map[*ssa.Function][]*ssa.BasicBlock // rebuildRegions, memoised
	impls       map[string][]types.Type             // implementations of interfaces, by interface
	conversions map[[2]string]bool                  // (concrete, interface) conversions made here
	concrete    []*types.TypeName                   // candidate implementations of interfaces
	bodies      [][2]token.Pos                      // source ranges of a.funcs, for enclosing
	terminal    map[*ssa.Function]bool              // readsTerminal, memoised
	funcVars    map[*ssa.Global][]*ssa.Function     // funcVarValues, memoised
	initOnly    map[*ssa.Global]bool                // setAtInit, memoised
}

// allFuncs yields the package's source functions and literals.
func (a *analyzer) allFuncs() func(func(*ssa.Function) bool) {
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
	if s.Pkg == nil {
		return &Result{}, nil
	}
	a := &analyzer{
		pass:     pass,
		ssaPkg:   s.Pkg,
		sums:     map[*ssa.Function]*Summary{},
		entries:  pass.ResultOf[handlers.Analyzer].(*handlers.Result),
		funcs:    s.SrcFuncs,
		returns:  map[*ssa.Function][]loc{},
		unset:    map[*ssa.If]int{},
		rebuilds: map[*ssa.Function][]*ssa.BasicBlock{},
		impls:    map[string][]types.Type{},
		terminal: map[*ssa.Function]bool{},
	}
	if pass.Module != nil {
		a.module = pass.Module.Path
	} else {
		a.module = a.moduleOf(pass.Pkg.Path())
	}
	dirs := a.directives()
	for _, fn := range s.SrcFuncs {
		a.export(fn, dirs)
	}
	findings := a.findings(s.SrcFuncs)
	findings = a.suppress(findings, dirs)
	findings = a.byOwner(findings)
	return &Result{Findings: findings, Directives: dirs}, nil
}

// export summarises a declared function and exports the summary as a fact
// when another package can call it (it is exported) and it has effects.
// Unexported functions are summarised all the same, for this package's
// own use: go vet copies every fact into every importer's output, so a
// fact nobody can use still costs on every package above.
func (a *analyzer) export(fn *ssa.Function, dirs []*Directive) {
	sum := a.summarize(fn)
	if fn.Parent() != nil || fn.Synthetic != "" {
		return
	}
	obj := fn.Object()
	if obj == nil || !obj.Exported() {
		return
	}
	fact := forImporters(sum)
	fact.Effects = slices.DeleteFunc(fact.Effects, func(e Effect) bool { return a.ignoredForImporters(fn, e, dirs) })
	if len(fact.Effects) > 0 {
		a.pass.ExportObjectFact(obj, fact)
	}
	if a.readsTerminal(fn) {
		a.pass.ExportObjectFact(obj, new(Prompts))
	}
}

// forImporters trims a summary to what other packages use: every write
// and file effect, and the reads that classify a write (a lookup makes a
// get-or-load cache). Other reads only relate handlers of the package
// that reads (requestorder), so they stay out of the fact, which go vet
// copies into the output of every package above.
func forImporters(sum *Summary) *Summary {
	out := &Summary{Effects: make([]Effect, 0, len(sum.Effects))}
	for _, e := range sum.Effects {
		if e.Op != Read || e.Hint == "lookup" {
			out.Effects = append(out.Effects, e)
		}
	}
	return out
}
