package wiring

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/state"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/ssa"
)

// maxMethodEffects and maxMethodCalls bound what a Concrete fact keeps
// of one method.
const (
	maxMethodEffects = 6
	maxMethodCalls   = 8
)

// exportConcrete exports, for the exported functions returning and the
// exported variables holding a value of one of the module's interfaces,
// the implementations this package puts there.
func (w *wirer) exportConcrete() {
	for _, fn := range w.funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !obj.Exported() || w.isTest(fn) || fn.Signature.Results().Len() == 0 {
			continue
		}
		if it := fn.Signature.Results().At(0).Type(); w.ownInterface(it) {
			ts := w.returned(fn, 0)
			if recv := fn.Signature.Recv(); recv != nil {
				ts = receiverState(ts, recv.Type())
			}
			w.exportImpls(obj, it, ts)
		}
	}
	for _, m := range w.pkg.Members {
		g, ok := m.(*ssa.Global)
		if !ok || g.Object() == nil || !g.Object().Exported() {
			continue
		}
		if it := g.Object().Type(); w.ownInterface(it) {
			w.exportImpls(g.Object(), it, w.globalTargets(g, 0))
		}
	}
}

func (w *wirer) ownInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && types.IsInterface(t) && n.Obj().Pkg() != nil && w.sums.Own(n.Obj().Pkg().Path())
}

// exportImpls exports the Concrete fact of obj, an interface-typed
// result or variable, when some implementation it holds writes.
func (w *wirer) exportImpls(obj types.Object, it types.Type, ts []target) {
	iface := it.Underlying().(*types.Interface)
	var c Concrete
	for _, t := range ts {
		if t.forward != "" {
			if t.forward[0] == 'R' && !slices.Contains(c.Forward, t.forward) {
				c.Forward = append(c.Forward, t.forward)
			}
			continue
		}
		im := Impl{Type: t.impl}
		for i := range iface.NumMethods() {
			m := iface.Method(i)
			var kept []summary.Effect
			for _, e := range t.effects(m.Name()) {
				lookup := e.Op == summary.Read && (e.Hint == knowledge.HintLookup || e.Hint == knowledge.HintGetOrLoad)
				if (written(e) || lookup) && len(kept) < maxMethodEffects {
					kept = append(kept, e)
				}
			}
			var calls []summary.Call
			if t.calls != nil {
				calls = t.calls(m.Name())
			}
			if len(kept) > 0 || len(calls) > 0 {
				im.Methods = append(im.Methods, Method{Name: m.Name(), Effects: kept, Calls: calls})
			}
		}
		if slices.ContainsFunc(im.Methods, func(m Method) bool { return len(m.Calls) > 0 || slices.ContainsFunc(m.Effects, written) }) {
			c.Impls = append(c.Impls, im)
		}
	}
	if len(c.Impls) > 0 || len(c.Forward) > 0 {
		w.pass.ExportObjectFact(obj, &c)
	}
}

// written reports whether an implementation's effect is state it keeps:
// a write of its own fields or of a package-level variable, a local file.
func written(e summary.Effect) bool {
	switch e.Op {
	case summary.FileWrite:
		return !scratch(e)
	case summary.LocalDB:
		return true
	case summary.Write:
		if e.Root.Kind == summary.Param && e.Root.Index == 0 && e.Path == "" {
			return e.Elem == typeshape.Limiter || e.Shape.Container() // a dependency's value itself (depTarget)
		}
		return e.Root.Kind == summary.Param && e.Root.Index == 0 && e.Path != "" || e.Root.Kind == summary.Global
	}
	return false
}

// scratch reports whether a file effect creates a temporary file
// (knowledge.OpTempFile). Reached inside an implementation, where the
// function that removes it is out of sight (an S3 store's part buffers),
// it is the implementation's scratch, not a store on local disk.
func scratch(e summary.Effect) bool {
	ce, ok := knowledge.CallEffectFor(e.What)
	return ok && ce.Op == knowledge.OpTempFile
}

// close finds the sites of this package that put a concrete value into a
// slot some request path calls through.
func (w *wirer) close(res *Result) {
	w.closeFree(res)
	if len(w.needs) == 0 {
		return
	}
	defer foldHandlers(res)
	defer oneKind(res)
	defer func() {
		// in source order, whichever sweep found them
		slices.SortStableFunc(res.Findings, func(x, y *Finding) int { return cmp.Compare(x.Pos, y.Pos) })
	}()
	// An implementation handed over here may call through slots of its
	// own that this package fills too (inspection.NewService(cargos)
	// handed to handling.NewEventHandler): those calls are needs of the
	// same handler, derived where the outer one closes; another sweep
	// closes them.
	for round := 0; round < maxRounds; round++ {
		w.derived = false
		for _, fn := range w.funcs {
			if w.isTest(fn) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					switch x := instr.(type) {
					case *ssa.Store:
						w.closeStore(fn, x, res)
					case *ssa.MapUpdate:
						w.closeRegistration(fn, x, res)
					case *ssa.Call:
						w.closeCall(fn, x, res)
					}
				}
			}
		}
		if !w.derived {
			break
		}
	}
}

// maxRounds bounds the sweeps of close: the depth of implementations
// nested through their slots.
const maxRounds = 3

// derive adds the needs an implementation's method makes through its own
// slots, for the handler of n.
func (w *wirer) derive(t target, n Need) {
	if t.calls == nil {
		return
	}
	for _, c := range t.calls(n.Method) {
		if c.Method == "" {
			continue // a callback of the implementation: named by its own slot, left to its own package
		}
		// the same need as where the implementation's type is in view
		d := Need{Slot: c.Slot, Through: through(c), Method: c.Method, Then: c.Then, Handler: n.Handler, Site: c.Posn, From: cmp.Or(n.From, n.Site), Also: n.Also}
		if slices.ContainsFunc(w.needs[d.Slot], func(m Need) bool { return m.Handler == d.Handler && m.Method == d.Method && m.Site == d.Site }) {
			continue
		}
		w.needs[d.Slot] = append(w.needs[d.Slot], d)
		w.derived = true
	}
}

func (w *wirer) closeStore(fn *ssa.Function, st *ssa.Store, res *Result) {
	if slot, ok := summary.SlotOf(st.Addr); ok {
		if _, param := ssautil.UnwrapValue(st.Val).(*ssa.Parameter); !param { // else the summary's flow carries it
			w.hand(fn, st.Val, st.Pos(), w.needs[slotKey(slot)], res)
		}
	}
	if g, ok := st.Addr.(*ssa.Global); ok {
		site := st.Pos()
		if !site.IsValid() {
			site = g.Pos()
		}
		w.hand(fn, st.Val, site, w.needs["V:"+g.Pkg.Pkg.Path()+"."+g.Name()], res)
	}
}

// closeRegistration closes the needs on a registry of constructors where
// one is registered: storage.Constructors["memory"] = mem.New is chosen
// when the configuration names "memory".
func (w *wirer) closeRegistration(fn *ssa.Function, mu *ssa.MapUpdate, res *Result) {
	ld, ok := mu.Map.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return
	}
	g, ok := ld.X.(*ssa.Global)
	if !ok {
		return
	}
	needs := w.needs[registrySlot(g)]
	if len(needs) == 0 {
		return
	}
	choice := ""
	if c, ok := mu.Key.(*ssa.Const); ok && c.Value != nil {
		choice = c.Value.ExactString()
	}
	f, ok := ssautil.UnwrapValue(mu.Value).(*ssa.Function)
	if !ok {
		return
	}
	name := summary.DisplayFunc(w.pkg, f)
	var ts []target
	for _, t := range w.registeredTargets(mu.Value, 0) {
		t.name, t.pos, t.choice = name, mu.Pos(), choice
		ts = append(ts, t)
	}
	w.handTargets(ts, needs, res)
}

// closeCall closes the needs on a callee's parameters: those it calls
// through itself (a handler constructor), and the slots it keeps them in
// (a constructor of the server, composer.UseCore(store)).
func (w *wirer) closeCall(fn *ssa.Function, call *ssa.Call, res *Result) {
	callee := call.Call.StaticCallee()
	if callee == nil || w.buildsClient(fn) {
		return
	}
	args := names.Args(&call.Call)
	if obj, ok := callee.Object().(*types.Func); ok && callee.Parent() == nil {
		for i, arg := range args {
			w.hand(fn, arg, call.Pos(), w.needs[funcSlot(obj, i)], res)
		}
		if callee.Pkg != nil && callee.Signature.Recv() == nil {
			slot := summary.LocatorSlot(callee.Pkg.Pkg.Path(), callee.Name())
			before := len(res.Findings)
			w.hand(fn, call, call.Pos(), w.locatorNeeds(call, slot), res)
			for _, f := range res.Findings[before:] {
				f.locator = slot
			}
		}
	}
	if sum := w.sums.OfCallee(callee); sum != nil {
		for _, f := range sum.Flows {
			if f.Param >= 0 && f.Param < len(args) {
				w.hand(fn, args[f.Param], call.Pos(), w.needs[slotKey(f.Slot)], res)
			}
		}
	}
}

// locatorNeeds are the needs on what a locator returns (store.Get())
// that this call's result serves: those of the interface calls made on
// it, here, whichever handler they are for.
func (w *wirer) locatorNeeds(call *ssa.Call, slot string) []Need {
	needs := w.needs[slot]
	if len(needs) == 0 {
		return nil
	}
	sites := map[string]bool{}
	var uses func(v ssa.Value, depth int)
	uses = func(v ssa.Value, depth int) {
		for _, r := range *v.Referrers() {
			switch x := r.(type) {
			case *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.ChangeType:
				if depth < 3 {
					uses(x.(ssa.Value), depth+1)
				}
			case ssa.CallInstruction:
				if c := x.Common(); c.IsInvoke() && c.Value == v {
					sites[summary.Posn(w.pass.Fset, x.Pos())] = true
				}
			}
		}
	}
	uses(call, 0)
	var out []Need
	for _, n := range needs {
		if sites[n.Site] {
			out = append(out, n)
		}
	}
	return out
}

// buildsClient reports whether fn makes the endpoint of an outgoing call
// (knowledge.ClientEndpoints): what it hands to the middleware it wraps
// around it serves this process's own calls, not its clients' requests.
func (w *wirer) buildsClient(fn *ssa.Function) bool { return w.buildsClientDepth(fn, 0) }

// buildsClientDepth looks into the functions of this package fn calls
// (makeUppercaseProxy(ctx, instance) returning a client's endpoint), a
// call or two deep.
func (w *wirer) buildsClientDepth(fn *ssa.Function, depth int) bool {
	if b, ok := w.clients[fn]; ok || depth > 2 {
		return b
	}
	w.clients[fn] = false
	b := false
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && callsOut(mc.Fn.(*ssa.Function)) {
				b = true // an endpoint of its own that calls a generated client
			}
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if knowledge.IsClientEndpoint(names.Callee(c.Common())) {
				b = true
			} else if g := c.Common().StaticCallee(); g != nil && g.Pkg == w.pkg && g != fn && w.buildsClientDepth(g, depth+1) {
				b = true
			}
		}
	}
	w.clients[fn] = b
	return b
}

// callsOut reports whether a function literal calls a method of a value
// it captures that reaches outside the process (typeshape.External): the
// endpoint over a generated thrift or gRPC client, whose work is done by
// the service it calls.
func callsOut(lit *ssa.Function) bool {
	for _, blk := range lit.Blocks {
		for _, instr := range blk.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := c.Common()
			if f := common.StaticCallee(); !common.IsInvoke() && (f == nil || f.Signature.Recv() == nil) {
				continue // not a method call
			}
			recv := names.Args(common)[0]
			if load, ok := recv.(*ssa.UnOp); ok && load.Op == token.MUL {
				recv = load.X // a captured variable, read
			}
			if fv, ok := recv.(*ssa.FreeVar); ok && typeshape.External(fv.Type()) {
				return true
			}
		}
	}
	return false
}

// closeFree closes the open calls of handler literals on the variables
// they capture, where the literal is made.
func (w *wirer) closeFree(res *Result) {
	for _, fneed := range w.free {
		parent := fneed.entry.Fn.Parent()
		mc := makeClosure(parent, fneed.entry.Fn)
		if mc == nil || fneed.call.Root.Index >= len(mc.Bindings) {
			continue
		}
		b := mc.Bindings[fneed.call.Root.Index]
		vals := []ssa.Value{b}
		if alloc, ok := b.(*ssa.Alloc); ok {
			vals = ssautil.CellValues(alloc)
		}
		for _, v := range vals {
			w.hand(parent, v, mc.Pos(), []Need{fneed.need}, res)
		}
	}
}

func makeClosure(parent, lit *ssa.Function) *ssa.MakeClosure {
	if parent == nil {
		return nil
	}
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == lit {
				return mc
			}
		}
	}
	return nil
}

// hand resolves a value handed into a slot with needs to its
// implementations, and records a finding for each that keeps state in
// memory or on local disk.
func (w *wirer) hand(fn *ssa.Function, v ssa.Value, site token.Pos, needs []Need, res *Result) {
	if len(needs) == 0 {
		return
	}
	ts := w.targets(fn, v, 0)
	for i := range ts {
		if !ts[i].pos.IsValid() {
			ts[i].pos = site
		}
	}
	w.handTargets(ts, needs, res)
}

// handTargets records the findings of the targets a slot with needs
// receives, derives the needs of their own slots, and moves the needs
// to the slot a forwarded value comes from.
func (w *wirer) handTargets(ts []target, needs []Need, res *Result) {
	for _, t := range ts {
		if t.forward != "" {
			w.forwardNeeds(t.forward, needs)
			continue
		}
		if !t.pos.IsValid() || w.framework[t.pos] {
			continue
		}
		w.record(t, needs, res)
		for _, n := range needs {
			w.derive(t, n)
		}
	}
}

// forwardNeeds moves needs to the slot their value comes from, for this
// package's next sweep and, through the Open fact, for the packages that
// call the function or register the constructors (also when an alias of
// this package put them there already: the importers see only the fact).
func (w *wirer) forwardNeeds(slot string, needs []Need) {
	for _, n := range needs {
		if n.Slot == slot {
			continue
		}
		n.Slot = slot
		if !slices.ContainsFunc(w.local, n.same) && len(w.local) < maxNeeds {
			w.local = append(w.local, n)
		}
		if !slices.ContainsFunc(w.needs[slot], n.same) {
			w.needs[slot] = append(w.needs[slot], n)
			w.derived = true
		}
	}
}

// record adds the findings of one target: one per kind of check and
// handler that reaches it, as for state the handlers' own package holds,
// naming the first state of that kind and the handler's first need.
func (w *wirer) record(t target, needs []Need, res *Result) {
	byCheck := map[string]*Finding{}
	var order []string
	looked := lookedUp(t, needs)
	for _, need := range needs {
		need.each(func(n Need, shared bool) {
			groups, keys := groupEffects(t, n)
			for _, k := range keys {
				es := groups[k]
				f := w.finding(t, n, es, looked[n.Handler+"|"+k])
				f.shared = shared
				check := checkOf(f.Kind) + "|" + n.Handler
				if prev := byCheck[check]; prev != nil {
					prev.shared = prev.shared && shared
					merge(prev, f, n)
					continue
				}
				byCheck[check] = f
				order = append(order, check)
			}
		})
	}
	for _, c := range order {
		w.add(res, byCheck[c])
	}
}

// alsoCall is the related line of a further call that reaches a finding.
func alsoCall(through, handler, site string) string {
	return "also " + through + " called by " + handler + " at " + site
}

// maxChain bounds the related information of one finding.
const maxChain = 6

// merge folds a further finding of the same target, check and handler
// into the first: another state it keeps, or another call that reaches it.
func merge(prev, f *Finding, n Need) {
	if f.State != "" && prev.State != f.State && !slices.Contains(prev.Others, f.State) {
		prev.Others = append(prev.Others, f.State)
	}
	also := alsoCall(n.Through, n.Handler, n.Site)
	if len(f.Chain) > 0 && f.Chain[len(f.Chain)-1] != prev.Chain[len(prev.Chain)-1] {
		also += ": " + f.Chain[len(f.Chain)-1] // what that call reaches
	}
	if (f.Handler != prev.Handler || f.Through != prev.Through) && len(prev.Chain) < maxChain && !slices.Contains(prev.Chain, also) {
		prev.Chain = append(prev.Chain, also)
	}
}

// A reached effect is one an implementation has, with the type whose
// method has it, which names its state.
type reached struct {
	base string
	summary.Effect
}

// groupEffects groups the writes a need reaches by the state they write,
// in order; local files are one group.
func groupEffects(t target, n Need) (map[string][]reached, []string) {
	groups := map[string][]reached{}
	var keys []string
	for _, e := range needEffects(t, n) {
		if !written(e.Effect) {
			continue
		}
		k := "file"
		if e.Op == summary.Write {
			k = e.base + "|" + e.StateKey()
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], e)
	}
	// A state only given empty entries (a mailbox made on first read)
	// holds nothing another replica would miss; a gauge of work in flight
	// is what this replica is doing now.
	keys = slices.DeleteFunc(keys, func(k string) bool {
		return !slices.ContainsFunc(groups[k], func(e reached) bool { return e.Hint != knowledge.HintEntry }) || gauge(groups[k])
	})
	return groups, keys
}

// gauge reports whether the writes one call reaches step a count up and
// back down (atomic.AddInt32(&s.submitCount, 1) where work is handed
// over, -1 where the worker finishes it), as state.inFlight does for a
// handler's own package: a count of work in flight, each replica's own.
func gauge(es []reached) bool {
	up, down := false, false
	for _, e := range es {
		if e.Hint != knowledge.HintIncrement || e.Shape.Container() {
			return false
		}
		u, d := e.Steps()
		up, down = up || u, down || d
	}
	return up && down
}

// needEffects is what a need reaches in a target: its method's effects,
// and those of the method called on its result.
func needEffects(t target, n Need) []reached {
	var out []reached
	for _, e := range t.effects(n.Method) {
		out = append(out, reached{t.base, e})
	}
	if n.Then == "" || t.results == nil {
		return out
	}
	for _, r := range t.results(n.Method) {
		// receiverState put the results' effects on the target's state
		for _, e := range r.effects(n.Then) {
			out = append(out, reached{t.base, e})
		}
	}
	return out
}

// lookedUp finds the state that a handler looks up through one method
// of a target and writes through another (Get, then Set on a miss): the
// get-or-load shape of a cache, by handler and state.
func lookedUp(t target, needs []Need) map[string]bool {
	out := map[string]bool{}
	for _, need := range needs {
		need.each(func(n Need, _ bool) {
			for _, e := range needEffects(t, n) {
				if e.Op == summary.Read && (e.Hint == knowledge.HintLookup || e.Hint == knowledge.HintGetOrLoad) {
					out[n.Handler+"|"+e.base+"|"+e.StateKey()] = true
				}
			}
		})
	}
	return out
}

// oneKind gives one kind to the state a construction keeps, whatever
// handler reaches it: the kind its creating handler gives it, the first
// that stores into it without looking it up (records, sessions), also
// for the handlers that look an entry up before they store it back or
// delete it.
func oneKind(res *Result) {
	plain := map[string]knowledge.KindName{}
	key := func(f *Finding) string { return fmt.Sprint(f.Pos) + "|" + f.Impl + "|" + f.State }
	for _, f := range res.Findings {
		if _, ok := plain[key(f)]; !ok && !f.lookedUp && f.What == "map store" && f.State != "" {
			plain[key(f)] = f.Kind
		}
	}
	for _, f := range res.Findings {
		if k, ok := plain[key(f)]; ok && checkOf(k) == checkOf(f.Kind) {
			f.Kind = k
		}
	}
}

func (w *wirer) finding(t target, n Need, es []reached, looked bool) *Finding {
	e, also := fileEffects(es)
	f := &Finding{Pos: t.pos, Name: t.name, Impl: t.impl, What: e.What, Handler: n.Handler, Through: n.Through, Choice: t.choice,
		write: e.What + "@" + e.Posn, rank: fileRank(e), site: n.Site}
	switch e.Op {
	case summary.FileWrite:
		f.Kind = knowledge.File
	case summary.LocalDB:
		f.Kind = knowledge.LocalDB
	default:
		if e.Root.Kind == summary.Global {
			f.State = names.LastElem(e.Root.Pkg) + "." + e.Root.Name + e.Path
		} else {
			f.State = e.base + e.Path
		}
		var hints []knowledge.Hint
		// Looked up, then stored what the caller hands over or what was
		// loaded: a cache. An empty entry made on the miss (a mailbox
		// created on first use) is a container of records.
		if looked && e.What == "map store" && (e.ValArg > 0 || e.Hint == knowledge.HintLoad) {
			hints = append(hints, knowledge.HintCache)
			f.lookedUp = true
		}
		effects := make([]summary.Effect, len(es))
		for i, r := range es {
			effects[i] = r.Effect
		}
		f.Kind = state.KindOf(f.State, effects, hints...)
	}
	f.Chain = []string{n.Through + " called by " + n.Handler + " at " + n.Site, e.What + " by " + t.impl + " at " + e.Posn}
	if e.Posn == "" {
		f.Chain[1] = e.What + ", a dependency's, keeps its state in this process" // depTarget: no site of its own
	}
	if n.From != "" && n.From != n.Site {
		// the handler's own call, which reached this one through an implementation
		f.Chain = append([]string{"call by " + n.Handler + " at " + n.From}, f.Chain...)
	}
	if also != nil {
		f.Chain = append(f.Chain, "also "+also.What+" at "+also.Posn)
	}
	return f
}

// fileEffects picks, of the effects of one group, the one a finding
// names: for local files, a file written before one removed, either
// before a directory made; and the first of the other sort, written or
// removed, that its chain also shows.
func fileEffects(es []reached) (reached, *reached) {
	// of equal rank, the one fewest calls away from the method
	better := func(r, than reached) bool {
		return fileRank(r) > fileRank(than) || fileRank(r) == fileRank(than) && len(r.Via) < len(than.Via)
	}
	best := 0
	for i, r := range es {
		if better(r, es[best]) {
			best = i
		}
	}
	e := es[best]
	other := -1
	for i, r := range es {
		if rk := fileRank(r); rk >= 2 && rk != fileRank(e) && (other < 0 || len(r.Via) < len(es[other].Via)) {
			other = i
		}
	}
	if other < 0 {
		return e, nil
	}
	return e, &es[other]
}

// add records f unless the same site already has a finding of the same
// implementation, check and handler (one choice reached through several
// slots), which f replaces when it is the better of the two.
func (w *wirer) add(res *Result, f *Finding) {
	i := slices.IndexFunc(res.Findings, func(g *Finding) bool {
		return g.Pos == f.Pos && g.Impl == f.Impl && checkOf(g.Kind) == checkOf(f.Kind) && g.Handler == f.Handler
	})
	switch {
	case i < 0:
		res.Findings = append(res.Findings, f)
	case res.Findings[i].shared && !f.shared || f.rank > res.Findings[i].rank:
		// the handler's own call before a helper's it shares; a file
		// written before one removed, whichever slot was closed first
		res.Findings[i] = f
	}
}

// foldHandlers leaves one finding per construction (or locator),
// implementation, check and write: handlers that reach the same write of the
// implementation (its method is a helper they share) are one finding, as
// for state of the handlers' own package, and a store that six handlers
// write through one method is one line at the site that builds it, not
// six. The finding it keeps names the handler's own call before a
// helper's that every handler shares, and the handler that creates data
// (routed for POST, PUT or PATCH) before one that reads or deletes it;
// the others follow in its chain, up to maxChain, and in Folded.
func foldHandlers(res *Result) {
	type group struct{ fs []*Finding }
	var order []*group
	byKey := map[string]*group{}
	for _, f := range res.Findings {
		// what a locator returns is one construction, wherever handlers
		// call the locator
		k := cmp.Or(f.locator, fmt.Sprint(f.Pos)) + "|" + f.Impl + "|" + checkOf(f.Kind) + "|" + f.write
		g := byKey[k]
		if g == nil {
			g = &group{}
			byKey[k] = g
			order = append(order, g)
		}
		g.fs = append(g.fs, f)
	}
	kept := res.Findings[:0]
	for _, g := range order {
		best := slices.MinFunc(g.fs, func(x, y *Finding) int {
			return cmp.Or(cmp.Compare(b2i(x.shared), b2i(y.shared)), cmp.Compare(creates(x.Handler), creates(y.Handler)))
		})
		for _, f := range g.fs {
			if f == best {
				continue
			}
			best.Folded = append(best.Folded, Reach{Handler: f.Handler, Through: f.Through})
			for _, st := range append([]string{f.State}, f.Others...) {
				if st != "" && st != best.State && !slices.Contains(best.Others, st) {
					best.Others = append(best.Others, st)
				}
			}
			if also := alsoCall(f.Through, f.Handler, f.site); len(best.Chain) < maxChain && !slices.Contains(best.Chain, also) {
				best.Chain = append(best.Chain, also)
			}
		}
		kept = append(kept, best)
	}
	clear(res.Findings[len(kept):])
	res.Findings = kept
}

// creates ranks a handler by what its route does to data, lowest first
// (witness.RouteCreates).
func creates(handler string) int {
	route, ok := strings.CutPrefix(handler, `handler for "`)
	if !ok {
		return 1
	}
	return witness.RouteCreates(strings.TrimSuffix(route, `"`))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func checkOf(k knowledge.KindName) string {
	row, _ := knowledge.KindByName(k)
	return row.Check
}

// fileRank orders the local-file effects a finding may name: a file
// written, then one removed, then a directory made; 0 for the rest.
func fileRank(r reached) int {
	if r.Op != summary.FileWrite {
		return 0
	}
	if makesDir(r.What) {
		return 1
	}
	if ce, ok := knowledge.CallEffectFor(r.What); ok && ce.Op == knowledge.OpRemove {
		return 2
	}
	return 3
}

// makesDir reports whether a file effect only creates a directory.
func makesDir(what string) bool { return what == "os.MkdirAll" || what == "os.Mkdir" }
