package wiring

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// maxNeeds bounds the Open fact of one package.
const maxNeeds = 128

// wirer holds the per-package working state of one run.
type wirer struct {
	pass    *analysis.Pass
	pkg     *ssa.Package
	funcs   []*ssa.Function
	sums    *summary.Result
	local   []Need            // this package's needs, exported
	needs   map[string][]Need // by slot: this package's and every imported package's
	sites   map[string]string // call site -> handler, of the needs in view
	free    []freeNeed        // open calls on what a handler literal captures
	returns map[*ssa.Function][]target
	globals map[*ssa.Global][]target
	phis    map[*ssa.Phi][]target        // memo of targets, by φ-node; nil while one is traced
	stores  map[*ssa.Global][]*ssa.Store // the package's stores to its globals, once indexed
	// framework holds the constructions of framework stores that the
	// stores pass finds: reported as such, not again as wired.
	framework  map[token.Pos]bool
	derived    bool                   // close derived needs in its last sweep
	clients    map[*ssa.Function]bool // memo of buildsClient
	aliases    map[string][]string    // slot -> the slots it is filled from: this package's and every imported package's
	ownAliases []Alias                // this package's, exported
}

// freeNeed is an open call of a handler literal on a variable it
// captures: closed where the literal is made.
type freeNeed struct {
	entry *handlers.Entry
	call  summary.Call
	need  Need
}

func newWirer(pass *analysis.Pass, pkg *ssa.Package, funcs []*ssa.Function) *wirer {
	return &wirer{
		pass: pass, pkg: pkg, funcs: funcs,
		sums:      pass.ResultOf[summary.Analyzer].(*summary.Result),
		needs:     map[string][]Need{},
		sites:     map[string]string{},
		returns:   map[*ssa.Function][]target{},
		globals:   map[*ssa.Global][]target{},
		phis:      map[*ssa.Phi][]target{},
		framework: map[token.Pos]bool{},
		clients:   map[*ssa.Function]bool{},
	}
}

// collectNeeds turns the open calls of the entry points into needs on
// slots, and exports them; it gathers the needs of imported packages.
func (w *wirer) collectNeeds(entries *handlers.Result) {
	w.aliases = map[string][]string{}
	for _, f := range w.pass.AllPackageFacts() {
		if o, ok := f.Fact.(*Open); ok && f.Package != w.pass.Pkg {
			for _, n := range o.Needs {
				w.needs[n.Slot] = append(w.needs[n.Slot], n)
				w.sites[n.Site] = n.Handler
			}
			for _, a := range o.Aliases {
				w.aliases[a.From] = append(w.aliases[a.From], a.To)
			}
		}
	}
	w.collectAliases()
	defer w.expandAliases()
	for _, e := range entries.Entries {
		for _, c := range w.sums.Of(e.Fn).Calls {
			n := Need{Through: through(c), Method: c.Method, Then: c.Then, Handler: e.Name(qualified), Site: c.Posn}
			if _, ok := w.sites[c.Posn]; !ok {
				w.sites[c.Posn] = n.Handler
			}
			switch {
			case c.Slot != "":
				n.Slot = c.Slot
			case c.Root.Kind == summary.Param && e.Receiver && c.Root.Index == 0:
				n.Slot = normalSlot(e.Fn.Params[0].Type(), c.Path)
			case c.Root.Kind == summary.Global:
				n.Slot = w.globalSlot(c)
			case c.Root.Kind == summary.Free && e.Captures && c.Root.Index < len(e.Fn.FreeVars):
				if c.Path != "" {
					n.Slot = normalSlot(e.Fn.FreeVars[c.Root.Index].Type(), c.Path)
				} else {
					w.free = append(w.free, freeNeed{entry: e, call: c, need: n})
				}
			}
			w.addNeed(n)
		}
	}
	for _, fn := range w.funcs {
		w.exportedNeeds(fn)
	}
}

// exportedNeeds adds the needs on the parameters of an exported function
// whose open calls some entry point makes: a constructor of handlers
// (func CacheByRequestURI(store CacheStore, ...) gin.HandlerFunc) or a
// method whose receiver's fields a handler it returns calls through.
func (w *wirer) exportedNeeds(fn *ssa.Function) {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil || !obj.Exported() || w.isTest(fn) {
		return
	}
	for _, c := range w.sums.Of(fn).Calls {
		h, ok := w.sites[c.Posn]
		if !ok || c.Root.Kind != summary.Param || c.Root.Index >= len(fn.Params) {
			continue
		}
		n := Need{Through: through(c), Method: c.Method, Then: c.Then, Handler: h, Site: c.Posn}
		switch {
		case c.Slot != "":
			n.Slot = c.Slot
		case c.Path == "":
			n.Slot = funcSlot(obj, c.Root.Index)
		default:
			n.Slot = normalSlot(fn.Params[c.Root.Index].Type(), c.Path)
		}
		w.addNeed(n)
	}
}

func (w *wirer) addNeed(n Need) {
	if n.Slot == "" {
		return
	}
	if n.Method == "" && !strings.HasPrefix(n.Through, "callback ") {
		n.Through = "callback " + shortSlot(n.Slot)
	}
	same := func(m Need) bool { return m.Through == n.Through && m.Site == n.Site && m.Slot == n.Slot }
	if i := slices.IndexFunc(w.needs[n.Slot], same); i >= 0 {
		// another handler's call, or the same handler's again
		if m := w.needs[n.Slot][i]; m.Handler != n.Handler && !slices.Contains(m.Also, n.Handler) && len(m.Also) < maxAlso {
			m.Also = append(slices.Clip(m.Also), n.Handler)
			w.needs[n.Slot][i] = m
			if j := slices.IndexFunc(w.local, same); j >= 0 {
				w.local[j] = m
			}
		}
		return
	}
	// The bound is on what the Open fact carries; this package's own
	// sweeps close every need.
	if len(w.local) < maxNeeds {
		w.local = append(w.local, n)
	}
	w.needs[n.Slot] = append(w.needs[n.Slot], n)
}

// maxAlso bounds the further handlers of one need.
const maxAlso = 16

// each calls f with the need as each of its handlers makes it: first its
// own, then those of Also, shared.
func (n Need) each(f func(n Need, shared bool)) {
	also := n.Also
	n.Also = nil
	f(n, false)
	for _, h := range also {
		n.Handler = h
		f(n, true)
	}
}

// qualified names a function as another package's message names it:
// "handler.(*Handler).PostFile", "cache.CacheByRequestURI.func1".
func qualified(fn *ssa.Function) string {
	name := summary.DisplayFunc(nil, fn)
	outer := fn
	for outer.Parent() != nil {
		outer = outer.Parent()
	}
	if outer.Signature.Recv() == nil && outer.Pkg != nil {
		name = outer.Pkg.Pkg.Name() + "." + name
	}
	return name
}

// globalSlot is the slot of an open call on a package-level variable:
// the variable itself, or the field of a named struct below it.
func (w *wirer) globalSlot(c summary.Call) string {
	if c.Path == "" {
		return "V:" + c.Root.Pkg + "." + c.Root.Name
	}
	if obj := w.lookupGlobal(c.Root.Pkg, c.Root.Name); obj != nil {
		return normalSlot(obj.Type(), c.Path)
	}
	return ""
}

func (w *wirer) lookupGlobal(pkg, name string) types.Object {
	if pkg == w.pass.Pkg.Path() {
		return w.pass.Pkg.Scope().Lookup(name)
	}
	for _, imp := range w.pass.Pkg.Imports() {
		if imp.Path() == pkg {
			return imp.Scope().Lookup(name)
		}
	}
	return nil
}

// through names the interface method of an open call; a callback is
// named by its slot (addNeed).
func through(c summary.Call) string {
	s := c.Iface[strings.LastIndex(c.Iface, ".")+1:] + "." + c.Method
	if c.Then != "" {
		s += "()." + c.Then
	}
	return s
}

// shortSlot names a slot for messages: "Server.onDelete".
func shortSlot(slot string) string {
	s := slot[2:]
	if i := strings.LastIndex(s, "/"); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.Index(s, "."); i >= 0 {
		s = s[i+1:]
	}
	return s
}

func normalSlot(t types.Type, path string) string {
	if s, ok := summary.NormalSlot(t, path); ok {
		return slotKey(s)
	}
	return ""
}

func slotKey(s summary.Slot) string { return s.Key() }

func funcSlot(fn *types.Func, i int) string {
	return "F:" + fn.Origin().FullName() + "#" + strconv.Itoa(i)
}

func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }

// maxAliases bounds the aliases of one package.
const maxAliases = 32

// collectAliases finds the slots of this package filled only from a
// slot whose filler this package cannot see: a field of a request's
// context set from a package-level variable, a variable set from a
// constructor's parameter.
func (w *wirer) collectAliases() {
	for _, fn := range w.funcs {
		if w.isTest(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok || !types.IsInterface(st.Val.Type()) && !isFunc(st.Val.Type()) {
					continue
				}
				from := ""
				if slot, ok := summary.SlotOf(st.Addr); ok {
					if _, param := ssautil.UnwrapValue(st.Val).(*ssa.Parameter); param {
						continue // the summary's flow says so
					}
					from = slotKey(slot)
				} else if g, ok := st.Addr.(*ssa.Global); ok && g.Pkg == w.pkg {
					from = "V:" + g.Pkg.Pkg.Path() + "." + g.Name()
				}
				if from == "" {
					continue
				}
				for _, t := range w.targets(fn, st.Val, 0) {
					if t.forward != "" && len(w.ownAliases) < maxAliases && !slices.Contains(w.aliases[from], t.forward) {
						w.aliases[from] = append(w.aliases[from], t.forward)
						w.ownAliases = append(w.ownAliases, Alias{From: from, To: t.forward})
					}
				}
			}
		}
	}
}

// expandAliases puts the needs on a slot also on the slots it is filled
// from, transitively.
func (w *wirer) expandAliases() {
	work := make([]string, 0, len(w.needs))
	for slot := range w.needs {
		work = append(work, slot)
	}
	slices.Sort(work)
	for steps := 0; len(work) > 0 && steps < 4*maxAliases; steps++ {
		from := work[0]
		work = work[1:]
		for _, to := range w.aliases[from] {
			grew := false
			for _, n := range w.needs[from] {
				n.Slot = to
				if slices.ContainsFunc(w.needs[to], n.same) {
					continue
				}
				w.needs[to] = append(w.needs[to], n)
				grew = true
			}
			if grew {
				work = append(work, to)
			}
		}
	}
}

// same reports whether m is the need n: one call of one handler through
// one slot.
func (n Need) same(m Need) bool {
	return m.Slot == n.Slot && m.Handler == n.Handler && m.Through == n.Through && m.Site == n.Site
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
