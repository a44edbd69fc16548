package summary

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/typeshape"

	"golang.org/x/tools/go/ssa"
)

// summarize computes the effects of fn, memoised. A recursive call sees an
// empty summary: recursion rarely adds state that the first visit missed.
func (a *summarizer) summarize(fn *ssa.Function) *Summary {
	if s, ok := a.sums[fn]; ok {
		if s == nil {
			return &Summary{}
		}
		return s
	}
	a.sums[fn] = nil
	s := a.summarizeBody(fn)
	a.sums[fn] = s
	return s
}

// summarizeBody computes the effects of fn's body, without the memo: the
// summary of fn, or of fn bound to the functions a caller passes for its
// function parameters (specialized).
func (a *summarizer) summarizeBody(fn *ssa.Function) *Summary {
	set := newEffectSet()
	asked := a.prompts.AfterPrompt(fn)
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
	return set.summary()
}

// exits reports whether block b ends the process (knowledge.ExitFuncs):
// exit hooks and last words written there are not state a later request
// could see.
func exits(b *ssa.BasicBlock) bool {
	for _, instr := range b.Instrs {
		if call, ok := instr.(ssa.CallInstruction); ok && knowledge.IsExitFunc(names.Callee(call.Common())) {
			return true
		}
	}
	return false
}

// visit records the effects of one instruction.
func (a *summarizer) visit(fn *ssa.Function, instr ssa.Instruction, set *effectSet) {
	switch instr := instr.(type) {
	case *ssa.Store:
		a.flowStore(fn, instr, set)
		if a.prov.LazyInit(fn, instr) || provenance.ConstDefault(instr) || a.prov.Rebuilding(fn, instr.Block()) {
			return
		}
		if poolView(instr.Val) {
			return // a list of a pool's handles is a view of the pool
		}
		if c, ok := instr.Val.(*ssa.Const); ok && c.IsNil() && tokens(instr.Val) {
			return // a signal channel cleared once it has fired: nothing is kept in it
		}
		if isBool(instr.Addr) && a.transientFlag(fn, instr.Addr) {
			return // raised and lowered again by the work it guards
		}
		if g, ok := instr.Addr.(*ssa.Global); ok && a.prov.RandomSeeded(g) {
			return // a random stream's next value, each replica's own
		}
		what, hint := storeKind(instr)
		a.direct(fn, set, Write, instr.Addr, instr.Pos(), what, hint)
	case *ssa.MapUpdate:
		a.flowListener(fn, instr, set)
		hint := a.prov.KeyHint(instr.Key)
		if hint == "static" || a.prov.StaticValue(instr.Value) || a.prov.Rebuilding(fn, instr.Block()) ||
			a.prov.DefaultFill(instr, instr.Map, instr.Key, instr.Value) || a.memo(fn, instr, instr.Map, instr.Key, instr.Value) {
			return // memoised: the same on every replica
		}
		what := "map store"
		switch {
		case increments(instr):
			what = "increment"
			hint = cmp.Or(hint, "increment")
		case adds(instr):
			what = "update"
			hint = cmp.Or(hint, "add")
		case appends(instr):
			what = "append"
			hint = cmp.Or(hint, "append")
		default:
			hint = cmp.Or(hint, a.valueHint(fn, instr, instr.Map, instr.Key, instr.Value))
		}
		a.direct(fn, set, Write, instr.Map, instr.Pos(), what, hint, fromParams(fn, instr.Key, instr.Value)...)
	case *ssa.Send:
		if tokens(instr.Chan) {
			return // a token or a wake-up: nothing that waits in it is data
		}
		if a.broadcast(instr.Chan) {
			return // a broadcast to every subscriber a registry holds reads it
		}
		if mc, ok := instr.X.(*ssa.MakeClosure); ok && actorOwner(mc) != nil {
			return // an operation on the actor's own state, which it reports
		}
		a.send(fn, set, instr.Chan, instr.X, instr.Pos())
	case *ssa.Select:
		for _, st := range instr.States {
			if st.Dir == types.SendOnly && (tokens(st.Chan) || a.broadcast(st.Chan)) {
				continue
			}
			if st.Dir == types.SendOnly {
				a.send(fn, set, st.Chan, st.Send, st.Pos)
			} else {
				a.direct(fn, set, Read, st.Chan, st.Pos, "receive", "")
			}
		}
	case *ssa.UnOp:
		switch instr.Op {
		case token.MUL:
			if consumedAsValue(instr) {
				a.read(fn, set, instr.X, instr, instr.Pos(), "read", "")
			}
		case token.ARROW:
			a.direct(fn, set, Read, instr.X, instr.Pos(), "receive", "")
		}
	case *ssa.Lookup:
		if _, ok := instr.X.Type().Underlying().(*types.Map); ok {
			a.read(fn, set, instr.X, instr, instr.Pos(), "lookup", "lookup")
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
func storeKind(s *ssa.Store) (what string, hint knowledge.Hint) {
	switch v := s.Val.(type) {
	case *ssa.BinOp:
		if inner, ok := v.X.(*ssa.BinOp); ok && v.Op == token.REM {
			v = inner // i = (i + 1) % n: a count that wraps around
		}
		if v.Op != token.ADD && v.Op != token.SUB {
			break
		}
		if c, ok := v.Y.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Int {
			if (v.Op == token.SUB) != (constant.Sign(c.Value) < 0) {
				return "decrement", "increment" // n--: a step back, as a gauge of work in flight takes
			}
			return "increment", "increment"
		}
		return "update", "add"
	case *ssa.Call:
		if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
			return "append", "append"
		}
		if knowledge.IsClockFunc(names.Callee(&v.Call)) {
			return "assignment", knowledge.HintClock // last = time.Now()
		}
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.Bool {
			return "assignment", "flag"
		}
	}
	return "assignment", ""
}

// memo reports whether a write into container fills, under key (nil
// for a single slot), a value that derives only from the program, its
// configuration and the key, where the same function looks it up: a memo
// (a regexp compiled from the pattern it is keyed by, a template parsed
// from an embedded FS), which every replica computes alike.
func (a *summarizer) memo(fn *ssa.Function, instr ssa.Instruction, container, key, v ssa.Value) bool {
	return !typeshape.Live(ssautil.UnwrapValue(v).Type()) && !lockTable(container) && a.prov.ValueSources(fn, v, key, container).Memo() && a.prov.Fills(fn, instr, container)
}

// valueHint tells the kind of a store by where its value comes from: a
// row loaded from an external store on a miss is a cache entry; what the
// request brought or made (its data, a fresh random token) is a record,
// and stored under a fresh random key, a token handed to the client.
func (a *summarizer) valueHint(fn *ssa.Function, instr ssa.Instruction, container, key, v ssa.Value) knowledge.Hint {
	src := a.prov.ValueSources(fn, v, key, container)
	switch {
	case src.Loaded() && a.prov.Fills(fn, instr, container):
		return knowledge.HintLoad
	case countCell(v):
		// ptr = new(uint64); counts[code] = ptr, then atomic.AddUint64(ptr, 1):
		// the first count of a key, a table of counts
		return knowledge.HintIncrement
	case freshEntry(v, instr) && !src.Recorded() && src&provenance.FromExternal == 0 && !lockTable(container):
		// mb = &mbox{name: name, messages: map...}; boxes[name] = mb:
		// what the entry will hold comes later, from other writes
		return knowledge.HintEntry
	}
	return recordHint(src, a.prov.KeySources(fn, key))
}

// countCell reports whether v is a fresh cell of a number, zero: new(uint64),
// new(atomic.Int64).
func countCell(v ssa.Value) bool {
	alloc, ok := ssautil.UnwrapValue(v).(*ssa.Alloc)
	if !ok || !alloc.Heap {
		return false
	}
	shape, _ := typeshape.Of(typeshape.Deref(alloc.Type()))
	return shape == typeshape.Int || shape == typeshape.Float || knowledge.IsAtomicCount(names.TypeName(typeshape.Deref(alloc.Type())))
}

// lockTable reports whether container holds per-key locks, whose empty
// entries are what they keep: who holds which key.
func lockTable(container ssa.Value) bool {
	_, elem := typeshape.Of(container.Type())
	return elem == typeshape.Lock
}

// storedOnce is the one value stored into a variable's cell, or nil.
func storedOnce(v ssa.Value) ssa.Value {
	if cell, ok := v.(*ssa.Alloc); ok {
		if vals := ssautil.CellValues(cell); len(vals) == 1 {
			return vals[0]
		}
	}
	return nil
}

// ranged reports whether ch is a value of a map or slice the function
// ranges over (for _, ch := range subscribers).
func ranged(ch ssa.Value) bool {
	switch x := ssautil.UnwrapValue(ch).(type) {
	case *ssa.Extract:
		_, ok := x.Tuple.(*ssa.Next)
		return ok
	case *ssa.UnOp:
		// for i := range subs { subs[i].send <- m }, or for _, c := range subs
		ia, ok := x.X.(*ssa.IndexAddr)
		return ok && x.Op == token.MUL && loopIndex(ia.Index)
	case *ssa.Index:
		return loopIndex(x.Index)
	}
	return false
}

// loopIndex reports whether an index is a loop's counter: a φ-node, or
// one plus a φ-node, as a range over a slice counts.
func loopIndex(v ssa.Value) bool {
	if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
		v = b.X
	}
	_, ok := v.(*ssa.Phi)
	return ok
}

// freshEntry reports whether v is a reference made here, empty but for
// what the program and the key put in it: a new struct, map, slice or
// channel.
func freshEntry(v ssa.Value, at ssa.Instruction) bool {
	v = ssautil.UnwrapValue(v)
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		// a variable a closure captures: what was last stored in it
		// before the store into the container, in the same block
		cell, ok := ld.X.(*ssa.Alloc)
		if !ok {
			return false
		}
		v = nil
		for _, instr := range at.Block().Instrs {
			if instr == at {
				break
			}
			if st, ok := instr.(*ssa.Store); ok && st.Addr == cell {
				v = ssautil.UnwrapValue(st.Val)
			}
		}
	}
	switch x := v.(type) {
	case *ssa.Alloc:
		return x.Heap
	case *ssa.MakeMap, *ssa.MakeChan, *ssa.MakeSlice:
		return true
	}
	return false
}

// recordHint is the hint of a value the request brought or made, by the
// key it is stored under: a fresh random key is a token the client holds.
func recordHint(val, key provenance.Sources) knowledge.Hint {
	switch {
	case !val.Recorded():
		return ""
	case key&provenance.FromRandom != 0:
		return knowledge.HintToken
	}
	return knowledge.HintRecord
}

// fromParams says which parameters of fn a stored key and value are,
// as Effect.KeyArg and ValArg: a setter's caller knows what they hold.
func fromParams(fn *ssa.Function, key, v ssa.Value) []int8 {
	return []int8{paramArg(fn, partOf(key)), paramArg(fn, partOf(v))}
}

// partOf is the value v is a part of, read without a call: the request
// an endpoint asserts to its type and stores a field of
// (req := request.(postRequest); s.m[id] = req.Profile) is where the
// stored value comes from.
func partOf(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := ssautil.UnwrapValue(v).(type) {
		case *ssa.Field:
			v = x.X
		case *ssa.TypeAssert:
			v = x.X
		case *ssa.Extract:
			ta, ok := x.Tuple.(*ssa.TypeAssert)
			if !ok || x.Index != 0 {
				return x
			}
			v = ta.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return x
			}
			v = x.X
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Call:
			// utils.CopyString(key), strings.ToLower(key): a copy or a
			// normal form of the one argument, of its type, is that key
			args := x.Call.Args
			if x.Call.IsInvoke() || len(args) != 1 || !types.Identical(args[0].Type(), x.Type()) || !isString(x.Type()) {
				return x
			}
			v = args[0]
		case *ssa.Alloc:
			// a local kept in a cell (the function defers, or takes its
			// address): what was stored there
			vals := ssautil.CellValues(x)
			if len(vals) == 0 && !x.Heap {
				return cmp.Or(literalParam(x), ssa.Value(x))
			}
			if len(vals) != 1 {
				return x
			}
			v = vals[0]
		default:
			return x
		}
	}
	return v
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// literalParam is the one parameter a struct literal carries in its
// fields (item{v: val, e: exp}: the value a setter wraps with its expiry
// before it stores it), or nil. A field that takes a copy of the
// parameter on one path (val = copyBytes(b) if it is a slice) still
// carries it on the other.
func literalParam(lit *ssa.Alloc) ssa.Value {
	var param *ssa.Parameter
	for _, ref := range *lit.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, fr := range *fa.Referrers() {
			st, ok := fr.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			val := ssautil.UnwrapValue(st.Val)
			if phi, ok := val.(*ssa.Phi); ok {
				for _, e := range phi.Edges {
					if p, ok := ssautil.UnwrapValue(e).(*ssa.Parameter); ok {
						val = p
					}
				}
			}
			p, ok := val.(*ssa.Parameter)
			if !ok {
				continue
			}
			if param != nil && param != p {
				return nil
			}
			param = p
		}
	}
	if param == nil {
		return nil
	}
	return param
}

func paramArg(fn *ssa.Function, v ssa.Value) int8 {
	p, ok := ssautil.UnwrapValue(v).(*ssa.Parameter)
	if !ok {
		return 0
	}
	if i := ssautil.ParamIndex(fn, p); i >= 0 && i < 127 {
		return int8(i + 1)
	}
	return 0
}

// adds reports whether a map store adds a variable amount to the value
// it looked up under the same key: m[k] += amount, a table of balances.
func adds(u *ssa.MapUpdate) bool {
	v, ok := u.Value.(*ssa.BinOp)
	return ok && (v.Op == token.ADD || v.Op == token.SUB) && looksUpSame(v.X, u) && !increments(u)
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
	if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
		v = ex.Tuple // count, _ := m[k]
	}
	l, ok := v.(*ssa.Lookup)
	return ok && ssautil.SameRef(l.X, u.Map) && ssautil.SameRef(l.Index, u.Key)
}

// increments reports whether a map store adds a constant to the value it
// looked up under the same key: m[k]++, a table of counters.
func increments(u *ssa.MapUpdate) bool {
	v, ok := u.Value.(*ssa.BinOp)
	if !ok {
		return entryIncrements(u)
	}
	return constStep(v) && looksUpSame(v.X, u)
}

// constStep reports whether v adds a constant integer to, or takes one
// from, what it reads: x + 1.
func constStep(v *ssa.BinOp) bool {
	if v.Op != token.ADD && v.Op != token.SUB {
		return false
	}
	c, ok := v.Y.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Int
}

// entryIncrements reports whether a map store puts back the entry it
// looked up under the same key after adding a constant to one of its
// fields: e := m[k]; e.hits++; m[k] = e, a table of counters kept in
// structs.
func entryIncrements(u *ssa.MapUpdate) bool {
	load, ok := u.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	local, ok := load.X.(*ssa.Alloc)
	if !ok || local.Heap {
		return false
	}
	took := false
	for _, ref := range *local.Referrers() {
		if r, ok := ref.(*ssa.Store); ok && r.Addr == local && looksUpSame(r.Val, u) {
			took = true
		}
	}
	return took && fieldStepped(local)
}

// fieldStepped reports whether a constant is added to, or taken from, a
// field of the struct that p points to, in p's function: p.hits++, also
// where p is a variable a closure shares and each use loads it again.
func fieldStepped(p ssa.Value) bool {
	fn := p.Parent()
	if fn == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			r, ok := st.Addr.(*ssa.FieldAddr)
			if !ok || !ssautil.SameRef(r.X, p) {
				continue
			}
			v, ok := st.Val.(*ssa.BinOp)
			if !ok || !constStep(v) {
				continue
			}
			if old, ok := v.X.(*ssa.UnOp); ok && old.Op == token.MUL && ssautil.SameRef(old.X, r) {
				return true
			}
		}
	}
	return false
}

// direct records an effect of fn's own instruction on the state v aliases.
// args are the key's and value's parameters of a store (fromParams).
func (a *summarizer) direct(fn *ssa.Function, set *effectSet, op Op, v ssa.Value, pos token.Pos, what string, hint knowledge.Hint, args ...int8) {
	if op == Write && hint == knowledge.HintIncrement && !strings.HasPrefix(what, "decrement") && a.steppedDown(v) {
		what = gaugeStep + what
	}
	a.record(fn, set, op, v, pos, what, hint, func(e *Effect) {
		if len(args) == 2 && hint == "" {
			e.KeyArg, e.ValArg = args[0], args[1]
		}
	})
}

// send records a send of x on the channel ch, unless what it sends is
// loaded from a store every replica shares (the rows of feeds due for a
// refresh, handed to this process's workers): the store can give that
// work again, so the channel keeps nothing of its own. A value that is
// a parameter's (or an element of one) is the caller's to judge.
func (a *summarizer) send(fn *ssa.Function, set *effectSet, ch, x ssa.Value, pos token.Pos) {
	if x != nil && a.prov.ValueSources(fn, x, nil, ch).Loaded() {
		return
	}
	val := paramArg(fn, partOf(cmp.Or(ssautil.ElementOf(x), x)))
	a.record(fn, set, Write, ch, pos, "send", knowledge.HintQueue, func(e *Effect) { e.ValArg = val })
}

// read records a read of the state v aliases whose value is result.
func (a *summarizer) read(fn *ssa.Function, set *effectSet, v, result ssa.Value, pos token.Pos, what string, hint knowledge.Hint) {
	use := useOf(result)
	a.record(fn, set, Read, v, pos, what, hint, func(e *Effect) { e.Use = use })
}

func (a *summarizer) record(fn *ssa.Function, set *effectSet, op Op, v ssa.Value, pos token.Pos, what string, hint knowledge.Hint, mod func(*Effect)) {
	if insideHandle(v) {
		return
	}
	for _, l := range a.prov.Origins(fn, v) {
		if op == Read && !readWorthy(l) {
			continue
		}
		if a.safe(l) || hint == knowledge.HintFile && l.Root.Kind == Global && scope.IsStd(l.Root.Pkg) {
			continue // os.Stdout and os.Stderr are the process's own output
		}
		sh, el := typeshape.Of(l.Type)
		e := Effect{
			Op: op, Root: l.Root, Path: l.Path, Type: types.TypeString(l.Type, (*types.Package).Name), Shape: sh, Elem: el,
			Hint: hint, What: what, Posn: a.posn(pos), pos: pos,
		}
		if fa, ok := v.(*ssa.FieldAddr); ok && op == Write && l.Elem {
			e.Entry, _ = typeshape.Of(typeshape.Deref(fa.Type()))
		}
		if op == Write && l.Elem && el != typeshape.Websocket {
			// a table inside an entry (a namespace's rooms of
			// connections): what that table holds is what is kept
			if ish, iel := typeshape.Of(v.Type()); ish.Container() && iel != typeshape.None && iel != typeshape.Data {
				e.Elem = iel
			}
		}
		mod(&e)
		set.add(e)
	}
}

// insideHandle reports whether the address v is a field (or an element
// of one) inside a value of a type that may live for the whole process:
// c.httpClient.Jar = jar and c.httpClient.Transport.(*http.Transport).Proxy
// = p configure an HTTP client, made lazily alike on every replica; they
// are the handle's own settings, not state of the program, as storing the
// client itself is not.
func insideHandle(v ssa.Value) bool {
	for range 8 {
		var base ssa.Value
		switch x := v.(type) {
		case *ssa.FieldAddr:
			base = x.X
		case *ssa.IndexAddr:
			base = x.X
		case *ssa.Field:
			base = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			base = x.X
		case *ssa.TypeAssert:
			base = x.X
		default:
			return false
		}
		if _, isAddr := v.(*ssa.UnOp); !isAddr && knowledge.IsSafeType(typeName(typeshape.Deref(base.Type()))) {
			return true
		}
		v = base
	}
	return false
}

// readWorthy filters reads that cannot matter for request ordering: reads
// of functions, errors and other interfaces, which are read everywhere.
func readWorthy(l provenance.Loc) bool {
	if l.Root.Kind == Param && l.Path == "" {
		return false // reading a parameter itself is not reading state
	}
	switch typeshape.Deref(l.Type).Underlying().(type) {
	case *types.Signature, *types.Interface:
		return false
	}
	return true
}

// closure folds the effects of a function literal into the function that
// creates it, with the literal's free variables replaced by what they
// capture. A literal run once (sync.Once.Do, sync.OnceFunc) is lazy
// initialisation and adds nothing.
func (a *summarizer) closure(fn *ssa.Function, mc *ssa.MakeClosure, set *effectSet) {
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
	pos := mc.Pos()
	if !pos.IsValid() {
		pos = c.Pos() // the builder leaves a literal's MakeClosure without one: the literal's own
	}
	hop := Hop{Callee: DisplayFunc(a.ssaPkg, c), Posn: a.posn(pos), pos: pos}
	inner := a.summarize(c)
	a.rebaseCalls(fn, inner.Calls, hop, set, func(cl Call) ssa.Value {
		if cl.Root.Kind != Free || cl.Root.Index < 0 || cl.Root.Index >= len(mc.Bindings) {
			return nil
		}
		return mc.Bindings[cl.Root.Index]
	})
	elems := a.callbackElems(fn, c, passedTo(mc))
	if owner := actorOwner(mc); owner != nil {
		// an operation queued for the actor that owns the channel: it is
		// run on the owner, and the request that queued it is its cause
		viaGo = true
		if elems == nil {
			elems = map[int][]provenance.Loc{}
		}
		for i, p := range c.Params {
			if types.Identical(p.Type(), owner.Type()) {
				elems[i] = append(elems[i], a.prov.Origins(fn, owner)...)
			}
		}
	}
	for _, e := range inner.Effects {
		switch e.Root.Kind {
		case Param:
			for _, l := range elems[e.Root.Index] {
				if ne, ok := a.rebase(e, l, true); ok {
					set.add(prepend(ne, hop, viaGo))
				}
			}
		case Free:
			if e.Root.Index < 0 || e.Root.Index >= len(mc.Bindings) {
				continue
			}
			b := mc.Bindings[e.Root.Index]
			origins := a.bindingOrigins(fn, b, e.Path)
			if v := storedOnce(b); v != nil && len(origins) == 0 && e.Path != "" {
				// a variable of a loop body, captured in its own cell:
				// what the iteration put there, when the effect reaches
				// into it (an assignment to the variable changes only
				// the variable)
				b, origins = v, a.bindingOrigins(fn, v, e.Path)
			}
			for _, l := range origins {
				if ne, ok := a.rebase(e, l, true); ok {
					set.add(prepend(ne, hop, viaGo))
				}
			}
			if call, ok := b.(*ssa.Call); ok && len(origins) == 0 {
				// a value made here around a long-lived one (session :=
				// srv.newSession(conn); go func() { session.serve() }())
				for _, ne := range a.rebaseMade(fn, e, call, true) {
					set.add(prepend(ne, hop, viaGo))
				}
			}
		default:
			set.add(prepend(e, hop, viaGo))
		}
	}
}

// actorOwner is the value whose channel field a function value is sent on
// (hub.ops <- func(h *Hub) { h.listeners[l] = true }): an actor's queue of
// operations, which its loop runs on the owner. nil when mc is not sent so
// or takes no parameter of the owner's type.
func actorOwner(mc *ssa.MakeClosure) ssa.Value {
	for _, r := range *mc.Referrers() {
		send, ok := r.(*ssa.Send)
		if !ok || send.X != mc {
			continue
		}
		fa, _ := chanField(send.Chan)
		if fa == nil {
			continue
		}
		for _, p := range mc.Fn.(*ssa.Function).Params {
			if types.Identical(p.Type(), fa.X.Type()) {
				return fa.X
			}
		}
	}
	return nil
}

// passedTo returns the call a function value is an argument of.
func passedTo(v ssa.Value) ssa.CallInstruction {
	for _, r := range *v.Referrers() {
		if call, ok := r.(ssa.CallInstruction); ok && call.Common().Value != v && slices.Contains(call.Common().Args, v) {
			return call
		}
	}
	return nil
}

// callbackElems says, for each parameter of a function literal handed to
// a method of a value, the entries of that value's container it is
// called with: s.withMailbox(name, func(mb *mbox) { mb.messages[id] = m })
// is called with an element of s.boxes, the one field of s holding
// *mbox values, so what the literal writes through mb is in s.boxes.
func (a *summarizer) callbackElems(fn, lit *ssa.Function, call ssa.CallInstruction) map[int][]provenance.Loc {
	if call == nil {
		return nil
	}
	common := call.Common()
	callee := common.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || len(common.Args) == 0 {
		return nil
	}
	recv := common.Args[0]
	st, ok := typeshape.Deref(recv.Type()).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	out := map[int][]provenance.Loc{}
	for i, p := range lit.Params {
		var field *types.Var
		for j := range st.NumFields() {
			if elemType(st.Field(j).Type()) != nil && types.Identical(elemType(st.Field(j).Type()), p.Type()) {
				if field != nil {
					field = nil // two containers of them: which one, the literal cannot tell
					break
				}
				field = st.Field(j)
			}
		}
		if field == nil {
			continue
		}
		for _, l := range a.prov.Origins(fn, recv) {
			if !l.Elem {
				out[i] = append(out[i], provenance.Loc{Root: l.Root, Path: l.Path + "." + field.Name(), Type: field.Type(), Elem: true})
			}
		}
	}
	return out
}

// elemType is the element type of a map or slice, or nil.
func elemType(t types.Type) types.Type {
	switch u := t.Underlying().(type) {
	case *types.Map:
		return u.Elem()
	case *types.Slice:
		return u.Elem()
	}
	return nil
}

// bindingOrigins traces what a closure captures. A captured variable is
// bound as its cell; an effect below it (path non-empty) reaches what the
// cell holds when that is a reference: defer func() { c.hub.x <- c }().
func (a *summarizer) bindingOrigins(fn *ssa.Function, b ssa.Value, path string) []provenance.Loc {
	if out := a.prov.Origins(fn, b); len(out) > 0 {
		return out
	}
	if alloc, ok := b.(*ssa.Alloc); ok && path != "" {
		return a.prov.CellOrigins(fn, alloc)
	}
	return nil
}

// runOnce reports whether the closure is handed to a run-once call.
func (a *summarizer) runOnce(mc *ssa.MakeClosure) bool {
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
func (a *summarizer) rebase(e Effect, l provenance.Loc, sameModule bool) (Effect, bool) {
	if a.safe(l) {
		return e, false
	}
	if !sameModule && e.Path != "" && !typeshape.IsContainer(l.Type) {
		return e, false
	}
	e.Root = l.Root
	switch {
	case provenance.ElemChan(l, e.Path):
		e.Path = l.Path + "[]" + e.Path // the channel of each entry: who receives from it decides
	case l.Elem:
		inner, nested := e.Elem, e.Path != ""
		if e.Path != "" {
			// the callee changed a field of the entry it was handed; an
			// implementation it reached is one of the entry's, not the
			// container's
			e.Impl = ""
			if e.Op == Write && e.Entry == "" {
				e.Entry = e.Shape
			}
		}
		e.Path = l.Path
		e.Type = typeString(l.Type)
		e.Shape, e.Elem = typeshape.Of(l.Type)
		if e.Op == Write && nested && inner != typeshape.None && inner != typeshape.Data && (e.Elem == typeshape.None || e.Elem == typeshape.Data) {
			e.Elem = inner // a table in each entry (a namespace's rooms) keeps what it holds
		}
	default:
		if e.Elem == typeshape.None && e.Path != "" && e.Shape.Container() {
			// a generic callee's state is of its type parameters
			// (ConcurrentMap[K, V].shardings); the caller's instance
			// says what its entries hold
			if t := typeAtPath(l.Type, e.Path, nil); t != nil {
				if sh, el := typeshape.Of(t); el != typeshape.None && sh == e.Shape {
					e.Type, e.Elem = typeString(t), el
				}
			}
		}
		e.Path = l.Path + e.Path
	}
	return e, true
}

func prepend(e Effect, h Hop, viaGo bool) Effect {
	if h.Posn == "" {
		// a call that is no line of code: the body of a generic
		// function's instance calling the generic one
		e.Go = e.Go || viaGo
		return e
	}
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
// function also looks up: the get-or-load shape of a cache. A value that
// is a parameter is left to the callers (judge): a create that refuses a
// key already taken stores what its caller brought, not what it loaded.
func (a *summarizer) markGetOrLoad(set *effectSet) {
	looked := map[string]bool{}
	for _, e := range set.list {
		if e.Op == Read && (e.Hint == "lookup" || e.Hint == "getorload") && len(e.Via) == 0 {
			looked[e.StateKey()] = true
		}
	}
	for i, e := range set.list {
		if e.Op == Write && e.What != "delete" && e.What != "clear" && len(e.Via) == 0 && e.Hint == "" && e.ValArg == 0 && looked[e.StateKey()] {
			// a fill where the lookup missed; a delete after a lookup
			// (take the captcha answer and drop it) fills nothing
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
		case *ssa.IndexAddr:
			if r.Index != load {
				continue
			}
		case *ssa.Index:
			if r.Index != load {
				continue
			}
		case *ssa.Lookup:
			if r.Index != load {
				continue
			}
		case *ssa.MapUpdate:
			if r.Key != load && r.Value != load {
				continue
			}
		case *ssa.Send:
			if r.X != load {
				continue
			}
		case *ssa.Range, *ssa.FieldAddr, *ssa.Slice:
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

// poolView reports whether v is a slice built by appending only what is
// read out of a pool of handles (typeshape.Pool): go-kit's endpointCache
// keeps the endpoints of its map of instance clients as a list too. Such
// a list is a view of the pool, as much a handle as the pool itself.
func poolView(v ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	found := false
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if depth > 8 {
			return false
		}
		if seen[v] {
			return true
		}
		seen[v] = true
		switch x := v.(type) {
		case *ssa.MakeSlice:
			return true
		case *ssa.Const:
			return x.IsNil()
		case *ssa.Phi:
			for _, e := range x.Edges {
				if !walk(e, depth+1) {
					return false
				}
			}
			return true
		case *ssa.Call:
			b, ok := x.Call.Value.(*ssa.Builtin)
			if !ok || b.Name() != "append" || len(x.Call.Args) != 2 || !walk(x.Call.Args[0], depth+1) {
				return false
			}
			elems, ok := ssautil.LiteralElems(x.Call.Args[1])
			if !ok {
				return false
			}
			for _, e := range elems {
				if !fromPool(e) {
					return false
				}
			}
			found = found || len(elems) > 0
			return true
		}
		return false
	}
	return walk(v, 0) && found
}

// fromPool reports whether v is an entry of a pool of handles, or a field
// of one: pool[k].Endpoint.
func fromPool(v ssa.Value) bool {
	for range 4 {
		switch x := ssautil.UnwrapValue(v).(type) {
		case *ssa.Field:
			v = x.X
		case *ssa.Extract:
			v = x.Tuple
		case *ssa.Lookup:
			return typeshape.Pool(x.X.Type())
		default:
			return false
		}
	}
	return false
}

// tokens reports whether ch is a channel of values that carry nothing:
// chan struct{}. A send on it takes a slot of a semaphore (tusd's upload
// semaphore, acquired on a request and released by the goroutine the
// part upload runs in) or wakes a goroutine of this process; what is
// queued is never a request's data, which lives wherever the woken code
// reads it from.
func tokens(ch ssa.Value) bool {
	c, ok := ch.Type().Underlying().(*types.Chan)
	if !ok {
		return false
	}
	st, ok := c.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// steppedDown reports whether some function of this package steps the
// count at addr back down by a constant (n--, atomic.AddInt32(&n, -1),
// n.Add(-1)): then a step up is one of a gauge of work in flight, which
// the state and wiring passes weigh with the request paths' own steps
// down. The step down may lie where no request path sees it: in the
// worker goroutine that a sync.Once starts, which takes the work the
// request hands it.
func (a *summarizer) steppedDown(addr ssa.Value) bool {
	obj := counterObj(addr)
	if obj == nil {
		return false
	}
	if a.downs == nil {
		a.downs = map[types.Object]bool{}
		for _, fn := range a.funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if o := decrements(instr); o != nil {
						a.downs[o] = true
					}
				}
			}
		}
	}
	return a.downs[obj]
}

// counterObj is the field or package-level variable addr points at.
func counterObj(addr ssa.Value) types.Object {
	switch x := addr.(type) {
	case *ssa.FieldAddr:
		if f := ssautil.FieldOf(x.X.Type(), x.Field); f != nil {
			return f
		}
	case *ssa.Global:
		return x.Object()
	}
	return nil
}

// decrements returns the counter an instruction steps down by a
// constant, or nil.
func decrements(instr ssa.Instruction) types.Object {
	switch x := instr.(type) {
	case *ssa.Store:
		if what, _ := storeKind(x); what == "decrement" {
			return counterObj(x.Addr)
		}
	case *ssa.Call:
		args := x.Call.Args
		if x.Call.IsInvoke() || len(args) < 2 {
			return nil
		}
		callee := names.Callee(&x.Call)
		ce, ok := knowledge.CallEffectFor(callee)
		if !ok || ce.Hint != knowledge.HintIncrement || ce.Arg >= len(args) {
			return nil
		}
		if negativeInt(args[len(args)-1]) {
			return counterObj(args[ce.Arg])
		}
	}
	return nil
}

// negativeInt reports whether v is a negative integer constant: the step
// of atomic.AddInt32(&open, -1).
func negativeInt(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Int && constant.Sign(c.Value) < 0
}
