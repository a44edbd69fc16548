package summary

import (
	"fmt"
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// openInvoke records an interface call that no implementation in view
// resolves as an open call on the state the interface value lives in:
// the package that wires an implementation into that state closes it.
func (a *summarizer) openInvoke(fn *ssa.Function, instr ssa.CallInstruction, set *effectSet) {
	c := instr.Common()
	iface := ifaceName(c.Value.Type())
	if iface == "" {
		return
	}
	a.openOn(fn, c.Value, Call{Iface: iface, Method: c.Method.Name(), Posn: a.posn(instr.Pos()), pos: instr.Pos()}, set)
}

// openFuncCall records a call of a function value kept in a field (a
// callback wired at setup: s.onDelete(id)) as an open call. Function
// parameters called directly are middleware chains, whose handlers are
// entry points of their own.
func (a *summarizer) openFuncCall(fn *ssa.Function, instr ssa.CallInstruction, set *effectSet) {
	c := instr.Common()
	if _, ok := c.Value.Type().Underlying().(*types.Signature); !ok {
		return
	}
	switch ssautil.UnwrapValue(c.Value).(type) {
	case *ssa.Function, *ssa.MakeClosure, *ssa.Builtin:
		return
	}
	open := Call{Posn: a.posn(instr.Pos()), pos: instr.Pos()}
	for _, l := range a.valueOrigins(fn, c.Value) {
		if l.Path != "" && (!l.Elem || listenerSlot(l)) {
			open.Root, open.Path = l.Root, l.Path
			set.addCall(open)
		}
	}
}

// openOn records the call open on every location v comes from, or, for
// the result of another open call (lock := s.locker.NewLock(id);
// lock.Lock()), on what that call's receiver comes from.
func (a *summarizer) openOn(fn *ssa.Function, v ssa.Value, open Call, set *effectSet) {
	origins := a.valueOrigins(fn, v)
	if len(origins) == 0 && open.Then == "" {
		if call, ok := a.producedBy(v); ok {
			open.Then, open.Method = open.Method, call.Method.Name()
			open.Iface = ifaceName(call.Value.Type())
			origins = a.valueOrigins(fn, call.Value)
		}
	}
	if len(origins) == 0 && open.Then == "" {
		if slot, ok := a.locatorSlot(v); ok {
			open.Slot = slot
			set.addCall(open)
			return
		}
	}
	for _, l := range origins {
		if l.Elem && !listenerSlot(l) || l.Root.Kind == Global && l.Root.Module != a.module {
			continue // an element of a container, or a dependency's own variable
		}
		open.Root, open.Path = l.Root, l.Path
		set.addCall(open)
	}
}

// locatorSlot names the slot of a call through what a function of
// another package of the module returns (store.Get().Insert(...)): a
// service locator, whose package chooses the implementation and says
// which in its Concrete fact. The slot is "C:pkg/path.Get".
func (a *summarizer) locatorSlot(v ssa.Value) (string, bool) {
	call, ok := unwrapIface(v).(*ssa.Call)
	if !ok {
		return "", false
	}
	f := call.Call.StaticCallee()
	if f == nil || f.Pkg == nil || f.Pkg == a.ssaPkg || f.Parent() != nil || f.Signature.Recv() != nil {
		return "", false
	}
	path := f.Pkg.Pkg.Path()
	if a.prov.ModuleOf(path) != a.module {
		return "", false
	}
	return LocatorSlot(path, f.Name()), true
}

// LocatorSlot is the slot key of what function name of package path
// returns.
func LocatorSlot(path, name string) string { return "C:" + path + "." + name }

// listenerSlot reports whether l, an element of a container, is one of
// the listeners a field holds: a slice or map of functions or interface
// values (n.deleted []func(id string), n.listeners map[string]Listener)
// that the program fills at startup (OnDeleted(h.Remove)) and a request
// calls each of. The open call is on the field; the package that adds
// the listeners closes it, as for a single callback.
func listenerSlot(l provenance.Loc) bool {
	return l.Elem && l.Path != "" && l.Type != nil && listeners(l.Type) // l.Type: the container's
}

// valueOrigins is where an interface or function value comes from: what
// provenance traces, or, for a value provenance does not follow (an
// interface parameter, held by value), the parameter or free variable
// itself.
func (a *summarizer) valueOrigins(fn *ssa.Function, v ssa.Value) []provenance.Loc {
	return a.valueOriginsDepth(fn, v, 0)
}

func (a *summarizer) valueOriginsDepth(fn *ssa.Function, v ssa.Value, depth int) []provenance.Loc {
	if out := a.prov.Origins(fn, v); len(out) > 0 || depth > 3 {
		return out
	}
	switch x := unwrapIface(v).(type) {
	case *ssa.Phi:
		// A default the request may override (cacheStore :=
		// defaultStore; if s.Store != nil { cacheStore = s.Store }).
		var out []provenance.Loc
		for _, e := range x.Edges {
			out = append(out, a.valueOriginsDepth(fn, e, depth+1)...)
		}
		return out
	case *ssa.Parameter:
		if i := ssautil.ParamIndex(fn, x); i >= 0 {
			return []provenance.Loc{{Root: Root{Kind: Param, Index: i, Name: x.Name()}, Type: x.Type()}}
		}
	case *ssa.FreeVar:
		if i := ssautil.FreeIndex(fn, x); i >= 0 {
			return []provenance.Loc{{Root: Root{Kind: Free, Index: i, Name: x.Name()}, Type: x.Type()}}
		}
	case *ssa.Alloc:
		// The cell of a captured variable: what is stored in it.
		var out []provenance.Loc
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				if _, cell := st.Val.(*ssa.Alloc); !cell {
					out = append(out, a.valueOriginsDepth(fn, st.Val, depth+1)...)
				}
			}
		}
		return out
	}
	return nil
}

// argOf is rebaseCalls' argument lookup for a callee's open calls
// rooted at its parameters: the caller's argument at that index.
func argOf(args []ssa.Value) func(Call) ssa.Value {
	return func(c Call) ssa.Value {
		if c.Root.Kind != Param || c.Root.Index < 0 || c.Root.Index >= len(args) {
			return nil
		}
		return args[c.Root.Index]
	}
}

// rebaseCalls re-expresses a callee's open calls on its parameters (or a
// closure's free variables) as open calls on what the caller passed.
func (a *summarizer) rebaseCalls(fn *ssa.Function, calls []Call, hop Hop, set *effectSet, arg func(c Call) ssa.Value) {
	for _, c := range calls {
		if c.Root.Kind == 0 && strings.HasPrefix(c.Slot, "C:") {
			set.addCall(prependCall(c, hop)) // through a locator: the same wherever it is called from
			continue
		}
		if c.Root.Kind == Global {
			if c.Root.Module == a.module {
				set.addCall(prependCall(c, hop))
			}
			continue
		}
		v := arg(c)
		if v == nil {
			continue
		}
		origins, path := a.valueOrigins(fn, v), c.Path
		if len(origins) == 0 {
			origins, path = a.keptOrigins(fn, v, c.Path), ""
		}
		if call, ok := a.producedBy(v); ok && len(origins) == 0 && c.Path == "" && c.Then == "" && c.Method != "" {
			c.Then, c.Method, c.Iface = c.Method, call.Method.Name(), ifaceName(call.Value.Type())
			origins = a.valueOrigins(fn, call.Value)
		}
		for _, l := range origins {
			if l.Elem || l.Root.Kind == Global && l.Root.Module != a.module {
				continue
			}
			nc := c
			nc.Root, nc.Path = l.Root, l.Path+path
			set.addCall(prependCall(nc, hop))
		}
	}
}

// producedBy returns the interface call of one of the module's
// interfaces whose first result v is.
func (a *summarizer) producedBy(v ssa.Value) (*ssa.CallCommon, bool) {
	v = unwrapIface(v)
	if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok || !call.Call.IsInvoke() || ifaceName(call.Call.Value.Type()) == "" || !a.ownInterface(call.Call.Value.Type()) {
		return nil, false
	}
	return &call.Call, true
}

// ifaceName is the full name of a named interface type, or "".
func ifaceName(t types.Type) string {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || scope.IsStd(n.Obj().Pkg().Path()) {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

// keptOrigins traces an open call on the slot at path below v, a value
// a constructor built here, to what the constructor keeps there:
// c := NewCaptcha(driver, store); c.Generate() calls store.Set.
func (a *summarizer) keptOrigins(fn *ssa.Function, v ssa.Value, path string) []provenance.Loc {
	if out := a.keptBelow(fn, v, path); len(out) > 0 {
		return out
	}
	slot, ok := NormalSlot(v.Type(), path)
	if !ok {
		return nil
	}
	call, sum := a.madeBy(v)
	if sum == nil {
		return nil
	}
	var out []provenance.Loc
	for _, f := range sum.Flows {
		if f.Slot == slot && f.Param >= 0 && f.Param < len(call.Call.Args) {
			out = append(out, a.valueOrigins(fn, call.Call.Args[f.Param])...)
		}
	}
	return out
}

// madeBy returns the call of a constructor whose result v is, and the
// constructor's summary; a nil summary when v is not one.
func (a *summarizer) madeBy(v ssa.Value) (*ssa.Call, *Summary) {
	v = unwrapIface(v)
	if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok || call.Call.StaticCallee() == nil {
		return nil, nil
	}
	sum, _ := a.calleeSummary(call.Call.StaticCallee())
	return call, sum
}

// keptBelow traces an open call at path below v, a value a constructor
// built here around a reference it was handed in the path's first field:
// ssn := NewSession(s, conn); ssn.deliver() calls ssn.Server.manager,
// which is s.manager. The locations carry the rest of the path.
func (a *summarizer) keptBelow(fn *ssa.Function, v ssa.Value, path string) []provenance.Loc {
	call, sum := a.madeBy(v)
	if sum == nil {
		return nil
	}
	args, below := a.keptArgs(call, path)
	var out []provenance.Loc
	for _, arg := range args {
		for _, l := range a.valueOrigins(fn, arg) {
			if !l.Elem {
				l.Path += below
				out = append(out, l)
			}
		}
	}
	return out
}

// keptArgs returns the arguments of a constructor's call that its
// summary keeps in the field of its result heading path (keptField), and
// the path below what is kept there: for keptBelow's open calls and
// rebaseMade's effects alike.
func (a *summarizer) keptArgs(call *ssa.Call, path string) (args []ssa.Value, below string) {
	callee := call.Call.StaticCallee()
	if callee == nil {
		return nil, ""
	}
	t := call.Type()
	if tu, ok := t.(*types.Tuple); ok {
		t = tu.At(0).Type() // New(...) (*T, error)
	}
	field, below, ok := keptField(t, path)
	if !ok {
		return nil, "" // the slot itself: its flow says what is kept there
	}
	sum, _ := a.calleeSummary(callee)
	if sum == nil {
		return nil, ""
	}
	made := typeName(t)
	for _, f := range sum.Flows {
		if f.Slot.Field == field && f.Slot.Type == made && f.Param >= 0 && f.Param < len(call.Call.Args) {
			args = append(args, call.Call.Args[f.Param])
		}
	}
	return args, below
}

// keptField splits a path below a value of type made into the field of
// made that holds a reference, and the path below that reference: for a
// field promoted from an embedded one (a session embeds *Server, and
// .boxes is the server's), the embedded field and the whole path.
func keptField(made types.Type, path string) (field, below string, ok bool) {
	first, rest, _ := strings.Cut(strings.TrimPrefix(path, "."), ".")
	st, isStruct := typeshape.Deref(made).Underlying().(*types.Struct)
	if isStruct && !hasField(st, first) {
		for i := range st.NumFields() {
			if f := st.Field(i); f.Embedded() && ssautil.FieldNamed(f.Type(), first) != nil {
				return f.Name(), path, true
			}
		}
	}
	if rest == "" {
		return "", "", false
	}
	return first, "." + rest, true
}

func hasField(st *types.Struct, name string) bool {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

func prependCall(c Call, h Hop) Call {
	e := prepend(Effect{Via: c.Via}, h, false)
	c.Via = e.Via
	return c
}

// flowStore records a parameter stored in a slot: s.store = store, or
// &Server{store: store} in a constructor.
func (a *summarizer) flowStore(fn *ssa.Function, st *ssa.Store, set *effectSet) {
	slot, ok := SlotOf(st.Addr)
	if !ok {
		// a reference to the caller's long-lived value, kept in what
		// this function makes (&Session{Server: server}): open calls and
		// writes below that field reach the caller's value
		slot, ok = refField(st.Addr)
	}
	if !ok {
		return
	}
	paramFlow(fn, st.Val, slot, set)
	for _, p := range appended(st.Val) {
		paramFlow(fn, p, slot, set)
	}
}

// paramFlow records v's flow into slot when v is one of fn's parameters.
func paramFlow(fn *ssa.Function, v ssa.Value, slot Slot, set *effectSet) {
	if p, ok := unwrapIface(v).(*ssa.Parameter); ok {
		if i := ssautil.ParamIndex(fn, p); i >= 0 {
			set.addFlow(Flow{Param: i, Slot: slot})
		}
	}
}

// flowListener records a parameter put in a map of listeners:
// n.listeners[name] = l.
func (a *summarizer) flowListener(fn *ssa.Function, mu *ssa.MapUpdate, set *effectSet) {
	ld, ok := mu.Map.(*ssa.UnOp)
	if !ok {
		return
	}
	if slot, ok := SlotOf(ld.X); ok {
		paramFlow(fn, mu.Value, slot, set)
	}
}

// appended returns the values an append adds to a slice:
// n.deleted = append(n.deleted, cb) appends cb through the array of its
// variadic arguments.
func appended(v ssa.Value) []ssa.Value {
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" || len(call.Call.Args) != 2 {
		return nil
	}
	elems, _ := ssautil.LiteralElems(call.Call.Args[1])
	return elems
}

// rebaseFlows passes a callee's flows up to the caller's parameters.
func (a *summarizer) rebaseFlows(fn *ssa.Function, flows []Flow, args []ssa.Value, set *effectSet) {
	for _, f := range flows {
		if f.Param < 0 || f.Param >= len(args) {
			continue
		}
		if p, ok := unwrapIface(args[f.Param]).(*ssa.Parameter); ok {
			if i := ssautil.ParamIndex(fn, p); i >= 0 {
				set.addFlow(Flow{Param: i, Slot: f.Slot})
			}
		}
	}
}

// SlotOf returns the slot an address points into: a field of a named
// struct that holds an interface or a function value.
func SlotOf(addr ssa.Value) (Slot, bool) {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return Slot{}, false
	}
	f := ssautil.FieldOf(fa.X.Type(), fa.Field)
	n, ok := types.Unalias(typeshape.Deref(fa.X.Type())).(*types.Named)
	if f == nil || !ok || n.Obj().Pkg() == nil || !slotType(f.Type()) {
		return Slot{}, false
	}
	return Slot{Type: n.Obj().Pkg().Path() + "." + n.Obj().Name(), Field: f.Name()}, true
}

// refField returns the field an address points into when the field
// holds a pointer to a named struct.
func refField(addr ssa.Value) (Slot, bool) {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return Slot{}, false
	}
	f := ssautil.FieldOf(fa.X.Type(), fa.Field)
	n, ok := types.Unalias(typeshape.Deref(fa.X.Type())).(*types.Named)
	if f == nil || !ok || n.Obj().Pkg() == nil {
		return Slot{}, false
	}
	p, ok := f.Type().Underlying().(*types.Pointer)
	if !ok {
		return Slot{}, false
	}
	if _, ok := p.Elem().Underlying().(*types.Struct); !ok {
		return Slot{}, false
	}
	return Slot{Type: n.Obj().Pkg().Path() + "." + n.Obj().Name(), Field: f.Name()}, true
}

// NormalSlot returns the slot that holds the value at path below a value
// of type t: the field of the innermost named struct on the path. An
// interface kept at .composer.Core of a handler lives in the Core field
// of the composer's type, wherever that composer is filled.
func NormalSlot(t types.Type, path string) (Slot, bool) {
	if path == "" {
		return Slot{}, false
	}
	var holder types.Type
	var last *types.Var
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		f := ssautil.FieldNamed(t, name)
		if f == nil {
			return Slot{}, false
		}
		holder, last, t = t, f, f.Type()
	}
	n, ok := types.Unalias(typeshape.Deref(holder)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !slotType(last.Type()) {
		return Slot{}, false
	}
	return Slot{Type: n.Obj().Pkg().Path() + "." + n.Obj().Name(), Field: last.Name()}, true
}

func slotType(t types.Type) bool {
	return listenerType(t) || listeners(t)
}

// listeners reports whether t is a container of listeners: a slice or
// map of functions or interface values.
func listeners(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Slice:
		return listenerType(t.Elem())
	case *types.Map:
		return listenerType(t.Elem())
	}
	return false
}

// listenerType is the element type of a container of listeners, and
// the type of a slot of one implementation or callback.
func listenerType(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Interface, *types.Signature:
		return true
	}
	return false
}

// unwrapIface looks through conversions to an interface.
func unwrapIface(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// paramFuncs are the functions of this package passed for the function
// parameter v of fn, when v is one (serveMonitor(w, req, ctx.MsgHub,
// name, newMsgListenerV1)): where the program is wired, the call through
// the parameter is a call of each. Summarised for one call (specialized),
// it is the function that call passes; otherwise each that a call here
// passes. A caller in another package may pass others; the open call
// stays for it.
func (a *summarizer) paramFuncs(fn *ssa.Function, v ssa.Value) []*ssa.Function {
	p, ok := v.(*ssa.Parameter)
	if !ok {
		return nil
	}
	i := ssautil.ParamIndex(fn, p)
	if i < 0 {
		return nil
	}
	if g := a.binds[fn][i]; g != nil {
		return []*ssa.Function{g} // the one this call passes
	}
	var out []*ssa.Function
	for _, call := range a.callersOf(fn) {
		args := names.Args(call.Common())
		if i >= len(args) {
			continue
		}
		if g, ok := ssautil.UnwrapValue(args[i]).(*ssa.Function); ok && g.Pkg == a.ssaPkg && g != fn && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// callersOf are the calls of fn in this package, found once per package.
func (a *summarizer) callersOf(fn *ssa.Function) []ssa.CallInstruction {
	if a.callers == nil {
		a.callers = map[*ssa.Function][]ssa.CallInstruction{}
		for f := range a.allFuncs() {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(ssa.CallInstruction); ok {
						if g := c.Common().StaticCallee(); g != nil {
							a.callers[g] = append(a.callers[g], c)
							if o := g.Origin(); o != nil {
								a.callers[o] = append(a.callers[o], c) // an instance's callers call its generic body
							}
						}
					}
				}
			}
		}
	}
	return a.callers[fn]
}

// funcArgs are the functions of this package that a call of callee, in
// fn, passes for function parameters that callee calls (or hands to its
// generic body): static functions, or what fn's own binding passed it.
func (a *summarizer) funcArgs(fn, callee *ssa.Function, args []ssa.Value) map[int]*ssa.Function {
	if callee.Pkg != a.ssaPkg || len(callee.Blocks) == 0 {
		return nil
	}
	var out map[int]*ssa.Function
	for i, arg := range args {
		if i >= len(callee.Params) {
			break
		}
		var g *ssa.Function
		switch x := ssautil.UnwrapValue(arg).(type) {
		case *ssa.Function:
			if x.Pkg == a.ssaPkg && x.Parent() == nil {
				g = x
			}
		case *ssa.Parameter:
			if j := ssautil.ParamIndex(fn, x); j >= 0 {
				g = a.binds[fn][j]
			}
		}
		if g == nil || !callsParam(callee, i) {
			continue
		}
		if out == nil {
			out = map[int]*ssa.Function{}
		}
		out[i] = g
	}
	return out
}

// callsParam reports whether fn calls its i-th parameter, or passes it
// on to its generic body.
func callsParam(fn *ssa.Function, i int) bool {
	p := fn.Params[i]
	for _, r := range *p.Referrers() {
		c, ok := r.(ssa.CallInstruction)
		if !ok {
			continue
		}
		if c.Common().Value == p {
			return true
		}
		if g := c.Common().StaticCallee(); g != nil && g == fn.Origin() {
			return true
		}
	}
	return false
}

// specialized is the summary of callee bound to the functions one call
// passes for its function parameters, memoised per binding.
func (a *summarizer) specialized(callee *ssa.Function, b map[int]*ssa.Function) *Summary {
	key := callee.String()
	for _, i := range slices.Sorted(maps.Keys(b)) {
		key += fmt.Sprintf(" %d=%s", i, b[i].String())
	}
	if s, ok := a.specs[key]; ok {
		if s == nil {
			return &Summary{} // recursion
		}
		return s
	}
	a.specs[key] = nil
	saved, had := a.binds[callee]
	a.binds[callee] = b
	s := a.summarizeBody(callee)
	if had {
		a.binds[callee] = saved
	} else {
		delete(a.binds, callee)
	}
	a.specs[key] = s
	return s
}
