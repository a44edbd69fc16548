package effects

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"

	"golang.org/x/tools/go/ssa"
)

// summarize computes the effects of fn, memoised. A recursive call sees an
// empty summary: recursion rarely adds state that the first visit missed.
func (a *analyzer) summarize(fn *ssa.Function) *Summary {
	if s, ok := a.sums[fn]; ok {
		if s == nil {
			return &Summary{}
		}
		return s
	}
	a.sums[fn] = nil
	set := newEffectSet()
	asked := a.afterPrompt(fn)
	for _, b := range fn.Blocks {
		if exits(b) {
			continue // the process ends here: what it writes on the way dies with it
		}
		for i, instr := range b.Instrs {
			if asked != nil && asked(b, i) {
				continue // an operator's answer, in an interactive command
			}
			a.visit(fn, instr, set)
		}
	}
	a.markGetOrLoad(set)
	s := set.summary()
	a.sums[fn] = s
	return s
}

// exits reports whether block b ends the process (knowledge.ExitFuncs):
// exit hooks and last words written there are not state a later request
// could see.
func exits(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		if call, ok := instr.(ssa.CallInstruction); ok && slices.Contains(knowledge.ExitFuncs, names.Callee(call.Common())) {
			return true
		}
	}
	return false
}

// visit records the effects of one instruction.
func (a *analyzer) visit(fn *ssa.Function, instr ssa.Instruction, set *effectSet) {
	switch instr := instr.(type) {
	case *ssa.Store:
		if a.lazyInit(fn, instr) || a.rebuilding(fn, instr.Block()) {
			return
		}
		what, hint := storeKind(instr)
		a.direct(fn, set, Write, instr.Addr, instr.Pos(), what, hint)
	case *ssa.MapUpdate:
		hint := a.keyHint(instr.Key)
		if hint == "static" || memoValue(instr.Value) || a.staticValue(instr.Value) || a.rebuilding(fn, instr.Block()) ||
			a.defaultFill(instr, instr.Map, instr.Key, instr.Value) {
			return // memoised program metadata is the same on every replica
		}
		what := "map store"
		switch {
		case increments(instr):
			what = "increment"
			hint = cmp.Or(hint, "increment")
		case appends(instr):
			what = "append"
			hint = cmp.Or(hint, "append")
		}
		a.direct(fn, set, Write, instr.Map, instr.Pos(), what, hint)
	case *ssa.Send:
		a.direct(fn, set, Write, instr.Chan, instr.Pos(), "send", "queue")
	case *ssa.Select:
		for _, st := range instr.States {
			if st.Dir == types.SendOnly {
				a.direct(fn, set, Write, st.Chan, st.Pos, "send", "queue")
			} else {
				a.direct(fn, set, Read, st.Chan, st.Pos, "receive", "")
			}
		}
	case *ssa.UnOp:
		switch instr.Op {
		case token.MUL:
			if consumedAsValue(instr) {
				a.direct(fn, set, Read, instr.X, instr.Pos(), "read", "")
			}
		case token.ARROW:
			a.direct(fn, set, Read, instr.X, instr.Pos(), "receive", "")
		}
	case *ssa.Lookup:
		if _, ok := instr.X.Type().Underlying().(*types.Map); ok {
			a.direct(fn, set, Read, instr.X, instr.Pos(), "lookup", "lookup")
		}
	case *ssa.Range:
		a.direct(fn, set, Read, instr.X, instr.Pos(), "range", "")
	case *ssa.MakeClosure:
		a.closure(fn, instr, set)
	case ssa.CallInstruction:
		a.call(fn, instr, set)
	}
}

// storeKind tells how a store changes the state: an increment (x++, x +=
// 1), an addition of a variable amount (balance += amount), an append, or
// a plain assignment, and whether a boolean constant is stored (a flag).
func storeKind(s *ssa.Store) (what, hint string) {
	switch v := s.Val.(type) {
	case *ssa.BinOp:
		if v.Op != token.ADD && v.Op != token.SUB {
			break
		}
		if c, ok := v.Y.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
			return "increment", "increment"
		}
		return "update", "add"
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
			return "append", "append"
		}
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Bool {
			return "assignment", "flag"
		}
	}
	return "assignment", ""
}

// memoValue reports whether v, stored into a map or cache, is a parsed
// template, compiled pattern or the like (knowledge.MemoValueTypes).
func memoValue(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		}
		return slices.Contains(knowledge.MemoValueTypes, typeName(v.Type()))
	}
}

// appends reports whether a map store appends to the slice it looked up
// under the same key: m[k] = append(m[k], v), a table that accumulates,
// not a cache filled on a miss.
func appends(u *ssa.MapUpdate) bool {
	call, ok := u.Value.(*ssa.Call)
	if !ok {
		return false
	}
	if b, ok := call.Call.Value.(*ssa.Builtin); !ok || b.Name() != "append" || len(call.Call.Args) == 0 {
		return false
	}
	return looksUpSame(call.Call.Args[0], u)
}

// looksUpSame reports whether v reads the entry that u stores: m[k] in
// m[k] = f(m[k]).
func looksUpSame(v ssa.Value, u *ssa.MapUpdate) bool {
	l, ok := v.(*ssa.Lookup)
	return ok && sameRef(l.X, u.Map) && sameRef(l.Index, u.Key)
}

// sameRef reports whether two values are loads of the same variable or
// field path (s.m loaded twice for s.m[k] = append(s.m[k], v)), or the
// same value.
func sameRef(x, y ssa.Value) bool {
	for depth := 0; depth < 8; depth++ {
		if x == y {
			return true
		}
		switch xv := x.(type) {
		case *ssa.UnOp:
			yv, ok := y.(*ssa.UnOp)
			if !ok || xv.Op != token.MUL || yv.Op != token.MUL {
				return false
			}
			x, y = xv.X, yv.X
		case *ssa.FieldAddr:
			yv, ok := y.(*ssa.FieldAddr)
			if !ok || xv.Field != yv.Field {
				return false
			}
			x, y = xv.X, yv.X
		case *ssa.Field:
			yv, ok := y.(*ssa.Field)
			if !ok || xv.Field != yv.Field {
				return false
			}
			x, y = xv.X, yv.X
		default:
			return false
		}
	}
	return false
}

// increments reports whether a map store adds a constant to the value it
// looked up under the same key: m[k]++, a table of counters.
func increments(u *ssa.MapUpdate) bool {
	v, ok := u.Value.(*ssa.BinOp)
	if !ok || v.Op != token.ADD && v.Op != token.SUB {
		return false
	}
	c, ok := v.Y.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	return looksUpSame(v.X, u)
}

// direct records an effect of fn's own instruction on the state v aliases.
func (a *analyzer) direct(fn *ssa.Function, set *effectSet, op Op, v ssa.Value, pos token.Pos, what, hint string) {
	for _, l := range a.origins(fn, v) {
		if op == Read && !readWorthy(l) {
			continue
		}
		if a.safe(l) {
			continue
		}
		sh, el := shape(l.typ)
		set.add(Effect{
			Op: op, Root: l.root, Path: l.path, Type: types.TypeString(l.typ, (*types.Package).Name), Shape: sh, Elem: el,
			Hint: hint, What: what, Posn: a.posn(pos), pos: pos,
		})
	}
}

// readWorthy filters reads that cannot matter for request ordering: reads
// of functions, errors and other interfaces, which are read everywhere.
func readWorthy(l loc) bool {
	if l.root.Kind == Param && l.path == "" {
		return false // reading a parameter itself is not reading state
	}
	switch deref(l.typ).Underlying().(type) {
	case *types.Signature, *types.Interface:
		return false
	}
	return true
}

// closure folds the effects of a function literal into the function that
// creates it, with the literal's free variables replaced by what they
// capture. A literal run once (sync.Once.Do, sync.OnceFunc) is lazy
// initialisation and adds nothing.
func (a *analyzer) closure(fn *ssa.Function, mc *ssa.MakeClosure, set *effectSet) {
	c := mc.Fn.(*ssa.Function)
	if a.runOnce(mc) {
		return
	}
	viaGo := false
	for _, r := range *mc.Referrers() {
		if g, ok := r.(*ssa.Go); ok && g.Call.Value == mc {
			viaGo = true
		}
	}
	hop := Hop{Callee: displayFunc(a.ssaPkg, c), Posn: a.posn(mc.Pos()), pos: mc.Pos()}
	for _, e := range a.summarize(c).Effects {
		switch e.Root.Kind {
		case Param:
			continue
		case Free:
			if e.Root.Index < 0 || e.Root.Index >= len(mc.Bindings) {
				continue
			}
			for _, l := range a.bindingOrigins(fn, mc.Bindings[e.Root.Index], e.Path) {
				if ne, ok := a.rebase(e, l, true); ok {
					set.add(prepend(ne, hop, viaGo))
				}
			}
		default:
			set.add(prepend(e, hop, viaGo))
		}
	}
}

// bindingOrigins traces what a closure captures. A captured variable is
// bound as its cell; an effect below it (path non-empty) reaches what the
// cell holds when that is a reference: defer func() { c.hub.x <- c }().
func (a *analyzer) bindingOrigins(fn *ssa.Function, b ssa.Value, path string) []loc {
	if out := a.origins(fn, b); len(out) > 0 {
		return out
	}
	if alloc, ok := b.(*ssa.Alloc); ok && path != "" {
		return cellContents(alloc, func(v ssa.Value, _ int) []loc { return a.origins(fn, v) }, 0)
	}
	return nil
}

// runOnce reports whether the closure is handed to a run-once call.
func (a *analyzer) runOnce(mc *ssa.MakeClosure) bool {
	for _, r := range *mc.Referrers() {
		call, ok := r.(ssa.CallInstruction)
		if !ok {
			continue
		}
		if ce, ok := a.modelled(call.Common()); ok && ce.Op == "once" {
			return true
		}
	}
	return false
}

// rebase re-expresses a callee's effect on one of its parameters (or free
// variables) as an effect on what the caller passed: the caller's location
// l. sameModule is false when the callee belongs to another module, whose
// internals (fields below the object the caller handed over) are its own
// business unless the object is a container the caller uses as state.
func (a *analyzer) rebase(e Effect, l loc, sameModule bool) (Effect, bool) {
	if a.safe(l) {
		return e, false
	}
	if !sameModule && e.Path != "" && !isContainer(l.typ) {
		return e, false
	}
	e.Root = l.root
	if l.elem {
		e.Path = l.path
		e.Type = typeString(l.typ)
		e.Shape, e.Elem = shape(l.typ)
	} else {
		e.Path = l.path + e.Path
	}
	return e, true
}

func prepend(e Effect, h Hop, viaGo bool) Effect {
	via := make([]Hop, 0, len(e.Via)+1)
	via = append(via, h)
	via = append(via, e.Via...)
	if len(via) > maxVia {
		via = append(via[:maxVia-1], via[len(via)-1])
	}
	e.Via = via
	e.Go = e.Go || viaGo
	return e
}

// markGetOrLoad gives the cache hint to writes of a map that the same
// function also looks up: the get-or-load shape of a cache.
func (a *analyzer) markGetOrLoad(set *effectSet) {
	looked := map[string]bool{}
	for _, e := range set.list {
		if e.Op == Read && (e.Hint == "lookup" || e.Hint == "getorload") && len(e.Via) == 0 {
			looked[e.stateKey()] = true
		}
	}
	for i, e := range set.list {
		if e.Op == Write && len(e.Via) == 0 && e.Hint == "" && looked[e.stateKey()] {
			set.list[i].Hint = "cache"
		}
	}
}

// consumedAsValue reports whether a load is a read of the state's value,
// as opposed to a step on the way to a write or to a read recorded
// elsewhere: the map of a map store, the slice of an append, the operand
// of an increment, an address computation, a lookup.
func consumedAsValue(load *ssa.UnOp) bool {
	for _, r := range *load.Referrers() {
		switch r := r.(type) {
		case *ssa.MapUpdate, *ssa.Send, *ssa.Lookup, *ssa.Range, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Index, *ssa.Slice:
			continue
		case *ssa.Call:
			if _, ok := r.Call.Value.(*ssa.Builtin); ok {
				continue
			}
		case *ssa.BinOp:
			if onlyStored(r) {
				continue
			}
		}
		return true
	}
	return false
}

// onlyStored reports whether a value is only stored (x = x + 1).
func onlyStored(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.Store); !ok {
			return false
		}
	}
	return true
}

// lazyInit reports whether a store only initialises a nil variable:
// if client == nil { client = newClient() }. Like sync.Once, it sets the
// value once per process, not per request.
// Setting a flag true there (if !loaded { load(); loaded = true }) is part
// of the same initialisation.
func (a *analyzer) lazyInit(fn *ssa.Function, st *ssa.Store) bool {
	return (isNilable(st.Addr.Type()) || isTrue(st.Val)) && a.unsetGuarded(fn, st.Block())
}

func isTrue(v ssa.Value) bool {
	b, ok := boolConst(v)
	return ok && b
}

// boolConst returns the value of a boolean constant.
func boolConst(v ssa.Value) (value, ok bool) {
	c, isConst := v.(*ssa.Const)
	if !isConst || c.Value == nil || c.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c.Value), true
}

// unsetGuarded reports whether block b runs only while some package-level
// value is still unset: it lies on the nil branch of a comparison of a
// global (or what its atomic Load returns) with nil, or the false branch
// of a global boolean. What runs there initialises process-wide values
// once, lazily; it is not per-request state.
func (a *analyzer) unsetGuarded(fn *ssa.Function, b *ssa.BasicBlock) bool {
	return guarded(b, func(iff *ssa.If) int { return a.unsetBranch(fn, iff) })
}

// guarded reports whether block b lies on one branch of an if that
// dominates it: branch picks the successor of each dominating if (or -1
// for none), and b must be reached only through the successor picked.
func guarded(b *ssa.BasicBlock, branch func(*ssa.If) int) bool {
	for blk := b; blk != nil; blk = blk.Idom() {
		idom := blk.Idom()
		if idom == nil || len(idom.Instrs) == 0 {
			return false
		}
		iff, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if i := branch(iff); i >= 0 && onlyVia(idom.Succs[i], idom) && idom.Succs[i].Dominates(b) {
			return true
		}
	}
	return false
}

// rebuilding reports whether block b rebuilds derived data while a
// staleness flag is set: if !x.stale { return }; rebuild(); x.stale =
// false (fiber's buildTree under routesRefreshed). What is rebuilt derives
// from state written elsewhere, and whatever marks it stale is itself a
// write that is reported where a request path does it, so the rebuild
// adds nothing. b must lie in the branch where the flag is true, entered
// only from the test, and that branch must reset the flag.
func (a *analyzer) rebuilding(fn *ssa.Function, b *ssa.BasicBlock) bool {
	regions, ok := a.rebuilds[fn]
	if !ok {
		regions = rebuildRegions(fn)
		a.rebuilds[fn] = regions
	}
	for _, r := range regions {
		if r.Dominates(b) {
			return true
		}
	}
	return false
}

// rebuildRegions finds, in fn, the branches taken while a boolean field or
// variable is true that store false to it.
func rebuildRegions(fn *ssa.Function) []*ssa.BasicBlock {
	var out []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		flag, branch := iff.Cond, 0
		if not, ok := flag.(*ssa.UnOp); ok && not.Op == token.NOT {
			flag, branch = not.X, 1
		}
		load, ok := flag.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		set := b.Succs[branch]
		if !onlyVia(set, b) || !resets(fn, set, load.X) {
			continue
		}
		out = append(out, set)
	}
	return out
}

// resets reports whether a block dominated by region stores false at addr.
func resets(fn *ssa.Function, region *ssa.BasicBlock, addr ssa.Value) bool {
	for _, b := range fn.Blocks {
		if !region.Dominates(b) {
			continue
		}
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && sameRef(st.Addr, addr) {
				if b, ok := boolConst(st.Val); ok && !b {
					return true
				}
			}
		}
	}
	return false
}

// onlyVia reports whether block s is entered only from the branch in
// block from: if g != nil { use(g) }; rest continues at rest from both
// sides, so rest does not run only while g is unset.
func onlyVia(s, from *ssa.BasicBlock) bool {
	return len(s.Preds) == 1 && s.Preds[0] == from
}

// unsetBranch returns the successor index on which the condition means
// "a global is unset", or -1.
func (a *analyzer) unsetBranch(fn *ssa.Function, iff *ssa.If) int {
	if b, ok := a.unset[iff]; ok {
		return b
	}
	b := a.unsetCond(fn, iff)
	a.unset[iff] = b
	return b
}

func (a *analyzer) unsetCond(fn *ssa.Function, iff *ssa.If) int {
	switch cond := iff.Cond.(type) {
	case *ssa.BinOp:
		if cond.Op != token.EQL && cond.Op != token.NEQ {
			return -1
		}
		x, y := cond.X, cond.Y
		if c, ok := x.(*ssa.Const); ok && c.IsNil() {
			x, y = y, x
		}
		if c, ok := y.(*ssa.Const); !ok || !c.IsNil() || !a.fromGlobal(fn, x) {
			return -1
		}
		if cond.Op == token.EQL {
			return 0
		}
		return 1
	case *ssa.UnOp:
		if cond.Op == token.NOT && a.fromGlobal(fn, cond.X) {
			return 0
		}
		// if !loaded { ... } compiles to a branch on loaded itself, with
		// the unset case as the false successor.
		if cond.Op == token.MUL && a.fromGlobal(fn, cond) {
			return 1
		}
	}
	return -1
}

// fromGlobal reports whether v is read from a package-level variable,
// directly or through an atomic Load.
func (a *analyzer) fromGlobal(fn *ssa.Function, v ssa.Value) bool {
	if call, ok := v.(*ssa.Call); ok {
		if ce, ok := a.modelled(&call.Call); !ok || ce.Op != "read" || len(call.Call.Args) == 0 {
			return false
		}
		v = call.Call.Args[0]
	}
	for _, l := range a.origins(fn, v) {
		if l.root.Kind == Global && !l.elem {
			return true // the variable itself; not an element (cache[k] == nil is a miss)
		}
	}
	return false
}

// isNilable reports whether the pointed-to variable can be nil.
func isNilable(addr types.Type) bool {
	switch deref(addr).Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Interface, *types.Chan, *types.Signature:
		return true
	}
	return false
}
