package wiring

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// A target is a concrete value a construction site hands over: a type
// whose methods the calls reach, or a function a callback slot holds.
type target struct {
	name    string    // how the site names it: "memstore.New()", "base64Captcha.DefaultMemStore"
	impl    string    // the implementation's type or function
	base    string    // the type without package and pointer, for state names: "Mem"
	pos     token.Pos // the construction site
	choice  string    // the case value that selects it
	effects func(method string) []summary.Effect
	calls   func(method string) []summary.Call // its calls through the implementation's slots
	results func(method string) []target       // what a method returns, for a call on its result
	typ     types.Type                         // the implementation's type, when known here
	// forward is the slot the value comes from when this package cannot
	// tell what fills it: a parameter of a function ("F:..."), whose
	// callers choose, or a registry of constructors ("R:..."), which the
	// package that registers them fills. The needs handed over move there.
	forward string
}

// same reports whether two targets are one construction handed over.
func (t target) same(u target) bool {
	return t.name == u.name && t.impl == u.impl && t.pos == u.pos && t.choice == u.choice && t.forward == u.forward
}

// maxDepth bounds how far a value is traced back to its construction.
const maxDepth = 6

// targets returns the concrete values v may hold, traced back through
// conversions, φ-nodes, constructors and variables to their construction
// in this package. A parameter's value is its caller's choice: the
// summaries' flows carry it there.
func (w *wirer) targets(fn *ssa.Function, v ssa.Value, depth int) []target {
	if depth > maxDepth {
		return nil
	}
	var out []target
	switch x := v.(type) {
	case *ssa.MakeInterface:
		if types.IsInterface(x.X.Type()) {
			return w.targets(fn, x.X, depth+1)
		}
		if _, param := x.X.(*ssa.Parameter); param {
			return nil
		}
		out = w.targetsOf(fn, x.X, depth)
	case *ssa.ChangeInterface:
		return w.targets(fn, x.X, depth+1)
	case *ssa.ChangeType:
		return w.targets(fn, x.X, depth+1)
	case *ssa.Phi:
		// φ-nodes fan out, and a large function chains them (one per
		// branch that may reassign): each is traced once, and a cycle
		// through a loop's φ ends at the φ being traced.
		if memo, ok := w.phis[x]; ok {
			return memo
		}
		w.phis[x] = nil
		for _, e := range x.Edges {
			for _, t := range w.targets(fn, e, depth+1) {
				if !slices.ContainsFunc(out, t.same) {
					out = append(out, t)
				}
			}
		}
		w.phis[x] = out
		return out
	default:
		out = w.targetsOf(fn, v, depth)
	}
	for i := range out {
		if out[i].choice == "" {
			if instr, ok := v.(ssa.Instruction); ok {
				out[i].choice = caseOf(instr.Block())
			}
		}
	}
	return out
}

// targetsOf traces a value of concrete or interface type that is not a
// conversion: a constructor's result, a variable, a composite literal.
func (w *wirer) targetsOf(fn *ssa.Function, v ssa.Value, depth int) []target {
	switch x := v.(type) {
	case *ssa.Call:
		return w.callTargets(fn, x, depth)
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 {
			return w.callTargets(fn, call, depth)
		}
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		switch addr := x.X.(type) {
		case *ssa.Global:
			return w.globalTargets(addr, depth)
		case *ssa.Alloc:
			return w.localTargets(fn, addr, depth)
		}
	case *ssa.Alloc:
		if x.Heap {
			return w.typeTarget(x.Type(), "&"+types.TypeString(typeshape.Deref(x.Type()), (*types.Package).Name)+"{}", x.Pos())
		}
	case *ssa.Function, *ssa.MakeClosure:
		return w.funcTarget(fn, v)
	case *ssa.TypeAssert:
		// upload.(*fileUpload): an implementation handing back its own
		// upload as the interface a further call goes through
		if !types.IsInterface(x.AssertedType) {
			return w.typeTarget(x.AssertedType, types.TypeString(x.AssertedType, (*types.Package).Name), x.Pos())
		}
	case *ssa.Parameter:
		return paramForward(fn, x)
	case *ssa.FreeVar:
		// what the literal was made with (a middleware's limiter, bound
		// from its constructor's parameter through each closure in turn)
		if i := ssautil.FreeIndex(fn, x); i >= 0 {
			if mc := makeClosure(fn.Parent(), fn); mc != nil && i < len(mc.Bindings) {
				return w.targets(fn.Parent(), mc.Bindings[i], depth+1)
			}
		}
	}
	return nil
}

// depTarget is a value of a dependency's type that keeps its data in
// this process, known by its type alone since dependencies have no
// summaries: a rate limiter (x/time/rate.Limiter), or a container by its
// methods and fields (typeshape.DependencyContainer). Its writing
// methods write the value itself.
func depTarget(t types.Type, name string, pos token.Pos) []target {
	n, ok := types.Unalias(typeshape.Deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil
	}
	limiter := knowledge.IsLimiterType(names.TypeName(t))
	if _, container := typeshape.DependencyContainer(t); !limiter && !container {
		return nil
	}
	impl := types.TypeString(t, (*types.Package).Name)
	shape, elem := typeshape.Of(t)
	if limiter {
		elem = typeshape.Limiter
	}
	return []target{{
		name: name, impl: impl, base: n.Obj().Name(), pos: pos, typ: t,
		effects: func(m string) []summary.Effect {
			hint := knowledge.Hint("")
			switch {
			case limiter:
				hint = knowledge.HintRateLimit // Allow, Wait, Reserve: each takes from the bucket
			case knowledge.ContainerMethodOp(m) == "write" || knowledge.ContainerMethodOp(m) == "getorload":
			default:
				return nil
			}
			return []summary.Effect{{Op: summary.Write, Root: summary.Root{Kind: summary.Param, Index: 0}, What: "(" + impl + ")." + m,
				Hint: hint, Shape: shape, Elem: elem, Type: impl}}
		},
	}}
}

// paramForward is the slot of a parameter of a declared function: a
// value kept from it (web.NewServer(conf, manager) keeps manager in a
// package-level variable that every request's context is built from) is
// whatever the function's callers pass.
func paramForward(fn *ssa.Function, p *ssa.Parameter) []target {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Parent() != nil {
		return nil
	}
	if i := ssautil.ParamIndex(fn, p); i >= 0 {
		return []target{{forward: funcSlot(obj, i)}}
	}
	return nil
}

// registryOf returns the package-level map a called function value is
// looked up in: storage.Constructors[cfg.Type](cfg) calls one of the
// constructors registered in it.
func registryOf(call *ssa.CallCommon) (*ssa.Global, bool) {
	if call.IsInvoke() || call.StaticCallee() != nil {
		return nil, false
	}
	lk, ok := ssautil.UnwrapValue(call.Value).(*ssa.Lookup)
	if !ok {
		return nil, false
	}
	if ld, ok := lk.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
		g, ok := ld.X.(*ssa.Global)
		return g, ok
	}
	return nil, false
}

func registrySlot(g *ssa.Global) string { return "R:" + g.Pkg.Pkg.Path() + "." + g.Name() }

// registeredTargets traces the result of a call of a function value, as
// registered in a registry of constructors: what the function returns.
func (w *wirer) registeredTargets(v ssa.Value, depth int) []target {
	fn, ok := ssautil.UnwrapValue(v).(*ssa.Function)
	if !ok || fn.Signature.Results().Len() == 0 || !types.IsInterface(fn.Signature.Results().At(0).Type()) {
		return nil
	}
	if fn.Pkg == w.pkg {
		return w.returned(fn, depth+1)
	}
	var c Concrete
	if obj := fn.Object(); obj != nil && w.pass.ImportObjectFact(obj, &c) {
		return factTargets(&c)
	}
	return nil
}

// localTargets traces a local variable whose address is taken (store :=
// filestore.New(dir); store.DirPerm = 0o700): what is stored in it whole,
// or, for a composite literal, its own type.
func (w *wirer) localTargets(fn *ssa.Function, alloc *ssa.Alloc, depth int) []target {
	var out []target
	whole := false
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			whole = true
			out = append(out, w.targets(fn, st.Val, depth+1)...)
		}
	}
	if !whole {
		elem := typeshape.Deref(alloc.Type())
		return w.typeTarget(elem, types.TypeString(elem, (*types.Package).Name)+"{}", alloc.Pos())
	}
	return out
}

// callTargets traces a constructor's result: its own type when concrete,
// else what the constructor returns (this package's, or its Concrete fact).
func (w *wirer) callTargets(fn *ssa.Function, call *ssa.Call, depth int) []target {
	if g, ok := registryOf(&call.Call); ok && call.Call.Signature().Results().Len() > 0 {
		return []target{{forward: registrySlot(g)}}
	}
	callee := call.Call.StaticCallee()
	if callee == nil || call.Call.Signature().Results().Len() == 0 {
		return nil
	}
	name := names.Display(&call.Call) + "()"
	if len(call.Call.Args) > 0 {
		name = names.Display(&call.Call) + "(...)"
	}
	res := call.Call.Signature().Results().At(0).Type()
	if !types.IsInterface(res) {
		if out := w.typeTarget(res, name, call.Pos()); len(out) > 0 {
			return out
		}
		return depTarget(res, name, call.Pos())
	}
	var out []target
	if callee.Pkg == w.pkg {
		out = w.returned(callee, depth+1)
	} else if obj := callee.Object(); obj != nil {
		var c Concrete
		if w.pass.ImportObjectFact(obj, &c) {
			out = factTargets(&c)
		}
	}
	return rename(out, name, call.Pos())
}

// returned lists what a function of this package returns as its first
// result, memoised.
func (w *wirer) returned(fn *ssa.Function, depth int) []target {
	if out, ok := w.returns[fn]; ok {
		return out
	}
	w.returns[fn] = nil
	var out []target
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
			out = append(out, w.targets(fn, ret.Results[0], depth)...)
		}
	}
	w.returns[fn] = out
	return out
}

// globalTargets traces a package-level variable to what the package
// stores in it, or to its package's Concrete fact.
func (w *wirer) globalTargets(g *ssa.Global, depth int) []target {
	name := g.Pkg.Pkg.Name() + "." + g.Name()
	if g.Pkg != w.pkg {
		var c Concrete
		if obj := g.Object(); obj != nil && w.pass.ImportObjectFact(obj, &c) {
			return rename(factTargets(&c), name, token.NoPos)
		}
		return nil
	}
	if out, ok := w.globals[g]; ok {
		return out
	}
	w.globals[g] = nil
	var out []target
	for _, st := range w.storesTo(g) {
		out = append(out, w.targets(st.Parent(), st.Val, depth+1)...)
	}
	w.globals[g] = out
	return out
}

// storesTo returns the stores to a global of this package, indexed once.
func (w *wirer) storesTo(g *ssa.Global) []*ssa.Store {
	if w.stores == nil {
		w.stores = map[*ssa.Global][]*ssa.Store{}
		for _, fn := range w.funcs {
			if w.isTest(fn) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok {
						if to, ok := st.Addr.(*ssa.Global); ok {
							w.stores[to] = append(w.stores[to], st)
						}
					}
				}
			}
		}
	}
	return w.stores[g]
}

// typeTarget is a value of a concrete type of the module, whose methods
// have summaries.
func (w *wirer) typeTarget(t types.Type, name string, pos token.Pos) []target {
	n, ok := types.Unalias(typeshape.Deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !w.sums.Own(n.Obj().Pkg().Path()) || types.IsInterface(t) {
		return nil
	}
	return []target{{
		name: name, impl: types.TypeString(t, (*types.Package).Name), base: n.Obj().Name(), pos: pos, typ: t,
		effects: func(m string) []summary.Effect {
			if sum := w.sums.OfMethod(t, m); sum != nil {
				return sum.Effects
			}
			return nil
		},
		calls: func(m string) []summary.Call {
			if sum := w.sums.OfMethod(t, m); sum != nil {
				return slotCalls(summary.ImplCalls(sum.Calls, t))
			}
			return nil
		},
		results: func(m string) []target { return w.methodResults(t, n.Obj().Pkg(), m) },
	}}
}

// methodResults lists the implementations a method of t returns as its
// first result: this package's, or from the method's Concrete fact.
func (w *wirer) methodResults(t types.Type, pkg *types.Package, name string) []target {
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	m, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	if m.Pkg() == w.pass.Pkg {
		if fn := w.pkg.Prog.FuncValue(m); fn != nil {
			return receiverState(w.returned(fn, 1), t)
		}
		return nil
	}
	var c Concrete
	if w.pass.ImportObjectFact(m, &c) {
		return factTargets(&c)
	}
	return nil
}

// funcTarget is a function put into a callback slot: a declared function,
// or a method value bound to a receiver (hub.remove).
func (w *wirer) funcTarget(fn *ssa.Function, v ssa.Value) []target {
	var callee *ssa.Function
	bound := false
	switch x := v.(type) {
	case *ssa.Function:
		callee = x
	case *ssa.MakeClosure:
		callee, _ = x.Fn.(*ssa.Function)
		bound = len(x.Bindings) == 1 && callee != nil && callee.Synthetic != "" && callee.Object() != nil
		if !bound {
			return nil // a literal: folded into the function that makes it
		}
		if callee.Origin() != nil {
			callee = callee.Origin()
		}
		if m, ok := callee.Object().(*types.Func); ok {
			if mfn := w.pkg.Prog.FuncValue(m); mfn != nil {
				callee = mfn
			}
		}
	}
	if callee == nil || callee.Object() == nil || !w.sums.Own(callee.Object().Pkg().Path()) {
		return nil
	}
	base := ""
	if recv := callee.Signature.Recv(); recv != nil {
		if n, ok := types.Unalias(typeshape.Deref(recv.Type())).(*types.Named); ok {
			base = n.Obj().Name()
		}
	}
	return []target{{
		name: summary.DisplayFunc(w.pkg, callee), impl: summary.DisplayFunc(w.pkg, callee), base: base, pos: v.Pos(),
		effects: func(string) []summary.Effect {
			sum := w.sums.OfCallee(callee)
			if sum == nil {
				return nil
			}
			if callee.Signature.Recv() != nil {
				return sum.Effects // a method value: its receiver lives on
			}
			// A function: its parameters are what each call passes (the
			// request's context to a logging callback), not state it keeps.
			return slices.DeleteFunc(slices.Clone(sum.Effects), func(e summary.Effect) bool { return e.Root.Kind == summary.Param })
		},
	}}
}

// receiverState narrows the results of a method of recv to the state
// they share with recv: a lock that NewLock returns writes its locker's
// table through a field pointing back at the locker, which lives as long
// as the locker; its own fields are made per call and die with the
// request. Paths are rewritten from recv; local files and package-level
// variables are kept as they are.
func receiverState(results []target, recv types.Type) []target {
	out := make([]target, 0, len(results))
	for _, r := range results {
		if r.typ == nil {
			continue
		}
		inner, typ := r.effects, r.typ
		r.effects = func(m string) []summary.Effect {
			var kept []summary.Effect
			for _, e := range inner(m) {
				if e, ok := throughField(e, typ, recv); ok {
					kept = append(kept, e)
				}
			}
			return kept
		}
		r.base, r.results = "", nil
		out = append(out, r)
	}
	return out
}

// throughField re-expresses an effect of a method of typ as one on recv,
// when it writes through a field of typ that holds a recv.
func throughField(e summary.Effect, typ, recv types.Type) (summary.Effect, bool) {
	if e.Op != summary.Write || e.Root.Kind != summary.Param || e.Root.Index != 0 {
		return e, true
	}
	first, rest, _ := strings.Cut(strings.TrimPrefix(e.Path, "."), ".")
	f := ssautil.FieldNamed(typ, first)
	if f == nil || rest == "" || !types.Identical(typeshape.Deref(f.Type()), typeshape.Deref(recv)) {
		return e, false
	}
	e.Path = "." + rest
	return e, true
}

// slotCalls keeps the calls made through a slot of the implementation:
// the others are its caller's to resolve.
func slotCalls(calls []summary.Call) []summary.Call {
	var out []summary.Call
	for _, c := range calls {
		if c.Slot != "" && len(out) < maxMethodCalls {
			out = append(out, c)
		}
	}
	return out
}

// factTargets are the implementations a Concrete fact names.
func factTargets(c *Concrete) []target {
	c.load()
	var out []target
	for _, f := range c.Forward {
		out = append(out, target{forward: f})
	}
	for _, im := range c.Impls {
		byName := map[string]Method{}
		for _, m := range im.Methods {
			byName[m.Name] = m
		}
		out = append(out, target{impl: im.Type, base: baseName(im.Type),
			effects: func(m string) []summary.Effect { return byName[m].Effects },
			calls:   func(m string) []summary.Call { return byName[m].Calls }})
	}
	return out
}

// rename gives targets the name and position of the site that hands
// them over, keeping their own position when the site has none.
func rename(in []target, name string, pos token.Pos) []target {
	out := make([]target, len(in))
	for i, t := range in {
		t.name = name
		if pos.IsValid() {
			t.pos = pos
		}
		out[i] = t
	}
	return out
}

// baseName strips the pointer and the package from a type's display.
func baseName(t string) string {
	for len(t) > 0 && t[0] == '*' {
		t = t[1:]
	}
	for i := len(t) - 1; i >= 0; i-- {
		if t[i] == '.' {
			return t[i+1:]
		}
	}
	return t
}

// caseOf returns the constant a dominating comparison tests for block b
// to run, "memory" in switch cfg.Store { case "memory": ... }, or "".
func caseOf(b *ssa.BasicBlock) string {
	for i := 0; i < 4 && b != nil; i++ {
		idom := b.Idom()
		if idom == nil || len(idom.Instrs) == 0 {
			return ""
		}
		if ifi, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If); ok {
			if bin, ok := ifi.Cond.(*ssa.BinOp); ok && bin.Op == token.EQL && idom.Succs[0].Dominates(b) && idom.Succs[0] != idom.Succs[1] {
				for _, side := range []ssa.Value{bin.Y, bin.X} {
					// an empty string is the option left unset, no case to name
					if c, ok := side.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) != "" {
						return c.Value.ExactString()
					}
				}
			}
		}
		b = idom
	}
	return ""
}
