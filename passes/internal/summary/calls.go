package summary

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"os"
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

// call records the effects of a call: a modelled function from the
// knowledge tables, a builtin, a function of this package (summarised on
// demand) or of another package (its exported Summary fact).
func (a *summarizer) call(fn *ssa.Function, instr ssa.CallInstruction, set *effectSet) {
	common := instr.Common()
	_, viaGo := instr.(*ssa.Go)
	args := names.Args(common)
	if a.prov.UnsetGuarded(fn, instr.Block()) {
		return // lazy initialisation of process-wide values
	}
	if b, ok := common.Value.(*ssa.Builtin); ok {
		a.builtin(fn, b, common.Args, instr, set)
		return
	}
	ce, modelled := a.modelled(common)
	if !modelled || ce.Op != knowledge.OpOnce {
		a.literalArgs(fn, args, instr, set)
	}
	if modelled {
		a.applyModel(fn, ce, args, instr, set)
		return
	}
	if common.IsInvoke() {
		if !a.ownInterface(common.Value.Type()) {
			a.containerCall(fn, a.heldType(common.Value), common.Method, args, instr, set)
			return
		}
		a.invoke(fn, instr, set)
		return
	}
	callee := common.StaticCallee()
	if callee == nil {
		for _, g := range a.paramFuncs(fn, common.Value) {
			a.staticCall(fn, instr, g, args, viaGo, set)
		}
		a.openFuncCall(fn, instr, set)
		return
	}
	if _, isClosure := common.Value.(*ssa.MakeClosure); isClosure {
		return // folded where the closure is made
	}
	a.staticCall(fn, instr, callee, args, viaGo, set)
}

// staticCall records the effects of a call of a known function: its
// summary, rebased onto the caller's arguments.
func (a *summarizer) staticCall(fn *ssa.Function, instr ssa.CallInstruction, callee *ssa.Function, args []ssa.Value, viaGo bool, set *effectSet) {
	var sum *Summary
	sameModule := true
	if b := a.funcArgs(fn, callee, args); len(b) > 0 {
		sum = a.specialized(callee, b)
	} else {
		sum, sameModule = a.calleeSummary(callee)
	}
	if sum == nil {
		a.containerMethod(fn, callee, args, instr, set)
		return
	}
	hop := Hop{Callee: DisplayFunc(a.ssaPkg, callee), Posn: a.posn(instr.Pos()), pos: instr.Pos()}
	a.rebaseCalls(fn, sum.Calls, hop, set, argOf(args))
	a.rebaseFlows(fn, sum.Flows, args, set)
	for _, e := range sum.Effects {
		e, ok := a.judge(fn, e, args)
		if !ok {
			continue
		}
		if e.Op == Read && e.Use == UseReturn {
			e.Use = useOf(callResult(instr)) // a getter: the caller decides
		}
		switch e.Root.Kind {
		case Global:
			if e.Root.Module != a.module {
				continue // a dependency's own globals are its business
			}
			set.add(prepend(e, hop, viaGo))
		case Param:
			if e.Root.Index < 0 || e.Root.Index >= len(args) {
				continue
			}
			for _, ne := range a.rebaseArg(fn, e, args[e.Root.Index], sameModule) {
				set.add(prepend(ne, hop, viaGo))
			}
		case 0:
			e.Key = a.prov.SubstituteKey(fn, e.Key, args)
			set.add(prepend(e, hop, viaGo))
		}
	}
}

// judge resolves a callee's store whose key and value are its
// parameters by what the caller passes (captcha.New stores a random
// solution under a random ID through store.Set), or hands the question
// on to the caller's caller when they are its own parameters.
//
// A send of what the caller passes is dropped (false) when the caller
// passes what it loaded from a shared store (summarizer.send).
func (a *summarizer) judge(fn *ssa.Function, e Effect, args []ssa.Value) (Effect, bool) {
	if e.Op == Write && e.What == "send" && e.ValArg > 0 {
		v := argAt(args, e.ValArg)
		if v != nil && a.prov.ValueSources(fn, v, nil, nil).Loaded() {
			return e, false
		}
		e.ValArg = paramArg(fn, partOf(cmp.Or(ssautil.ElementOf(v), v)))
		return e, true
	}
	if e.Op != Write || e.Hint != "" || e.ValArg == 0 && e.KeyArg == 0 {
		return e, true
	}
	v, k := argAt(args, e.ValArg), argAt(args, e.KeyArg)
	if k != nil && a.cookieValue(k) {
		// stored under the value of the cookie this function sets: the
		// client holds the key, as a session's
		e.Hint, e.KeyArg, e.ValArg = knowledge.HintToken, 0, 0
		return e, true
	}
	if e.ValArg == 0 {
		e.KeyArg = paramArg(fn, partOf(k)) // the key alone: the caller may set the cookie
		return e, true
	}
	if v == nil {
		e.KeyArg, e.ValArg = 0, 0
		return e, true
	}
	if h := recordHint(a.prov.ValueSources(fn, v, k, nil), a.prov.KeySources(fn, k)); h != "" {
		e.Hint, e.KeyArg, e.ValArg = h, 0, 0
		return e, true
	}
	if fieldStepped(v) {
		// e := get(k); e.hits++; set(k, e): a table of counters
		e.Hint, e.What, e.KeyArg, e.ValArg = knowledge.HintIncrement, "increment", 0, 0
		return e, true
	}
	e.KeyArg, e.ValArg = paramArg(fn, partOf(k)), paramArg(fn, partOf(v))
	return e, true
}

// memoUpkeep reports whether a write in fn keeps a memo that fn fills
// (a.memo) in bounds: a clear or delete of that container, or a constant
// step or reset of a count beside it (compiledRegexesCacheSize.Add(1);
// on a bound, Clear the memo and Store(0)). Dropping entries every
// replica recomputes alike changes nothing another replica would see.
func (a *summarizer) memoUpkeep(fn *ssa.Function, state, key, val ssa.Value) bool {
	if key != nil {
		return false
	}
	memos := a.memoFilled(fn)
	if len(memos) == 0 {
		return false
	}
	if val == nil {
		return slices.ContainsFunc(memos, func(m ssa.Value) bool { return ssautil.SameRef(m, state) }) // memo.Clear()
	}
	_, step := val.(*ssa.Const)
	return step // size.Add(1), size.Store(0)
}

// memoFilled lists the containers fn fills with memoised values,
// computed once per function.
func (a *summarizer) memoFilled(fn *ssa.Function) []ssa.Value {
	if out, ok := a.memoFills[fn]; ok {
		return out
	}
	a.memoFills[fn] = nil
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.MapUpdate:
				if a.memo(fn, x, x.Map, x.Key, x.Value) {
					out = append(out, x.Map)
				}
			case ssa.CallInstruction:
				ce, ok := a.modelled(x.Common())
				if !ok || ce.Op != knowledge.OpWrite {
					continue
				}
				args := names.Args(x.Common())
				if ce.Arg < 0 || ce.Arg >= len(args) {
					continue
				}
				state := args[ce.Arg]
				rest := slices.DeleteFunc(slices.Clone(args), func(v ssa.Value) bool { return v == state })
				if k, v := keyValue(rest); k != nil && v != nil && a.memo(fn, x, state, k, v) {
					out = append(out, state)
				}
			}
		}
	}
	a.memoFills[fn] = out
	return out
}

// cookieValue reports whether k is also stored as the Value of a cookie
// (knowledge.CookieTypes) in the function that has it: the key is handed
// to the client.
func (a *summarizer) cookieValue(k ssa.Value) bool {
	b, ok := a.cookies[k]
	if !ok {
		b = cookieValueDepth(k, 0)
		a.cookies[k] = b
	}
	return b
}

// cookieValueDepth follows k into the functions of this package it is
// handed to (setCSRFCookie(c, cfg, token)), a few calls deep.
func cookieValueDepth(k ssa.Value, depth int) bool {
	refs := k.Referrers()
	if refs == nil || depth > 2 {
		return false
	}
	for _, r := range *refs {
		if call, ok := r.(ssa.CallInstruction); ok {
			callee := call.Common().StaticCallee()
			if callee == nil || len(callee.Blocks) == 0 {
				continue
			}
			for i, a := range call.Common().Args {
				if a == k && i < len(callee.Params) && cookieValueDepth(callee.Params[i], depth+1) {
					return true
				}
			}
			continue
		}
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != k {
			continue
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		if f := ssautil.FieldOf(fa.X.Type(), fa.Field); f != nil && f.Name() == "Value" && knowledge.IsCookieType(names.TypeName(fa.X.Type())) {
			return true
		}
	}
	return false
}

// argAt is the argument a KeyArg or ValArg names, or nil.
func argAt(args []ssa.Value, i int8) ssa.Value {
	if i <= 0 || int(i) > len(args) {
		return nil
	}
	return args[i-1]
}

// containerMethod models a call of a method of a container type of a
// dependency, which has no summary (typeshape.DependencyContainer): Store
// and Set write the receiver, Load and Get look it up.
func (a *summarizer) containerMethod(fn, callee *ssa.Function, args []ssa.Value, instr ssa.CallInstruction, set *effectSet) {
	recv := callee.Signature.Recv()
	if recv == nil {
		return
	}
	obj := callee.Object()
	if callee.Origin() != nil {
		obj = callee.Origin().Object()
	}
	if obj == nil || obj.Pkg() == nil || a.prov.ModuleOf(obj.Pkg().Path()) == a.module {
		return // this module's own: summarised
	}
	a.containerCall(fn, recv.Type(), obj, args, instr, set)
}

// containerCall models a call of method m on a value of type recv, when
// recv is a container of a dependency: a concrete one, or an interface of
// one that only in-process containers implement (typeshape).
func (a *summarizer) containerCall(fn *ssa.Function, recv types.Type, m types.Object, args []ssa.Value, instr ssa.CallInstruction, set *effectSet) {
	if len(args) == 0 || m == nil {
		return
	}
	key := types.TypeString(recv, nil)
	is, known := a.containers[key]
	if !known {
		_, is = typeshape.DependencyContainer(recv)
		a.containers[key] = is
	}
	if !is {
		return
	}
	what := names.Display(instr.Common())
	op := knowledge.ContainerMethodOp(m.Name())
	if sig, ok := m.Type().(*types.Signature); ok && op == "lookup" && typeshape.Loads(sig) {
		op = "getorload" // Get(key, func() (V, error)): filled by the loader on a miss
	}
	if !types.Identical(recv, args[0].Type()) {
		// an interface field that holds recv (heldType): the state has
		// the shape of what it holds
		sh, el := typeshape.Of(recv)
		shaped := func(e *Effect) { e.Shape, e.Elem = sh, el }
		switch op {
		case "write":
			if !a.prov.DefaultFill(instr, args[0], args[1:]...) {
				a.record(fn, set, Write, args[0], instr.Pos(), what, "", shaped)
			}
		case "getorload":
			a.record(fn, set, Write, args[0], instr.Pos(), what, knowledge.HintGetOrLoad, shaped)
		case "lookup":
			use := useOf(callResult(instr))
			a.record(fn, set, Read, args[0], instr.Pos(), what, "lookup", func(e *Effect) { shaped(e); e.Use = use })
		}
		return
	}
	switch op {
	case "write":
		if !a.prov.DefaultFill(instr, args[0], args[1:]...) {
			a.direct(fn, set, Write, args[0], instr.Pos(), what, "")
		}
	case "getorload":
		a.direct(fn, set, Write, args[0], instr.Pos(), what, "getorload")
	case "lookup":
		a.read(fn, set, args[0], callResult(instr), instr.Pos(), what, "lookup")
	}
}

// literalArgs folds in function literals without free variables passed
// as callbacks (upgrader.Upgrade(ctx, func(c *websocket.Conn) {...})): like
// closures, they run on behalf of the function that passes them.
func (a *summarizer) literalArgs(fn *ssa.Function, args []ssa.Value, instr ssa.CallInstruction, set *effectSet) {
	for _, arg := range args {
		lit, ok := ssautil.UnwrapValue(arg).(*ssa.Function)
		if !ok || lit.Parent() != fn {
			continue
		}
		hop := Hop{Callee: DisplayFunc(a.ssaPkg, lit), Posn: a.posn(instr.Pos()), pos: instr.Pos()}
		elems := a.callbackElems(fn, lit, instr)
		for _, e := range a.summarize(lit).Effects {
			switch e.Root.Kind {
			case Global, 0:
				set.add(prepend(e, hop, false))
			case Param:
				for _, l := range elems[e.Root.Index] {
					if ne, ok := a.rebase(e, l, true); ok {
						set.add(prepend(ne, hop, false))
					}
				}
			}
		}
	}
}

// rebaseArg re-expresses a callee's effect on a parameter as effects on
// what the caller passed. When the caller passed a struct it allocated
// itself, an effect below one of its fields lands on what was stored in
// that field: go client.readPump() writing c.hub.unregister writes the hub
// the client was built with.
func (a *summarizer) rebaseArg(fn *ssa.Function, e Effect, arg ssa.Value, sameModule bool) []Effect {
	var out []Effect
	for _, l := range a.prov.Origins(fn, arg) {
		if ne, ok := a.rebase(e, l, sameModule); ok {
			out = append(out, ne)
		}
	}
	if len(out) > 0 || e.Path == "" {
		return out
	}
	if mi, ok := arg.(*ssa.MakeInterface); ok {
		arg = mi.X
	}
	if fv, ok := arg.(*ssa.FreeVar); ok {
		// a value the literal captured, which its maker resolves
		// (closure): what is below it lies below the captured value
		if i := ssautil.FreeIndex(fn, fv); i >= 0 {
			if ne, ok := a.rebase(e, provenance.Loc{Root: Root{Kind: Free, Index: i, Name: fv.Name()}, Type: fv.Type()}, sameModule); ok {
				return []Effect{ne}
			}
		}
		return nil
	}
	first, rest, _ := strings.Cut(strings.TrimPrefix(e.Path, "."), ".")
	if call, ok := arg.(*ssa.Call); ok {
		return a.rebaseMade(fn, e, call, sameModule)
	}
	alloc, ok := arg.(*ssa.Alloc)
	if !ok {
		return nil
	}
	st, ok := typeshape.Deref(alloc.Type()).Underlying().(*types.Struct)
	if !ok || rest == "" {
		return nil // replacing the field itself changes only the caller's struct
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() != first {
			continue
		}
		inner := e
		inner.Path = "." + rest
		for _, l := range a.prov.FieldOrigins(fn, alloc, i) {
			if ne, ok := a.rebase(inner, l, sameModule); ok {
				out = append(out, ne)
			}
		}
	}
	return out
}

// rebaseMade rebases an effect at path first.rest below a value made by
// a constructor this request path calls, where the constructor's
// summary says it keeps one of its parameters in field first: a captcha
// made per request around the process-wide store
// (base64Captcha.NewCaptcha(driver, store).Generate() writes the
// store's map), so the state is whatever the caller passed.
func (a *summarizer) rebaseMade(fn *ssa.Function, e Effect, call *ssa.Call, sameModule bool) []Effect {
	args, below := a.keptArgs(call, e.Path)
	var out []Effect
	for _, arg := range args {
		inner := e
		inner.Path = below
		for _, l := range a.prov.Origins(fn, arg) {
			if ne, ok := a.rebase(inner, l, sameModule); ok {
				out = append(out, ne)
			}
		}
	}
	return out
}

// calleeSummary returns the summary of a statically called function and
// whether it belongs to the module being analysed.
func (a *summarizer) calleeSummary(callee *ssa.Function) (*Summary, bool) {
	if callee.Pkg == a.ssaPkg || (callee.Synthetic != "" && len(callee.Blocks) > 0) {
		return a.summarize(callee), true
	}
	obj, _ := callee.Object().(*types.Func)
	if callee.Origin() != nil {
		obj, _ = callee.Origin().Object().(*types.Func)
	}
	if obj == nil || obj.Pkg() == nil || scope.IsStd(obj.Pkg().Path()) {
		return nil, false
	}
	sum := a.importedSummary(obj.Origin())
	if sum == nil {
		return nil, false
	}
	return sum, a.prov.ModuleOf(obj.Pkg().Path()) == a.module
}

// importedSummary is the summary another package exported for obj, as
// this package sees it, decoded once; nil when there is none.
func (a *summarizer) importedSummary(obj types.Object) *Summary {
	if sum, ok := a.imported[obj]; ok {
		return sum
	}
	var sum *Summary
	if fact := new(Summary); a.pass.ImportObjectFact(obj, fact) {
		sum = fact.load().foreign()
	}
	if a.imported == nil {
		a.imported = map[types.Object]*Summary{}
	}
	a.imported[obj] = sum
	return sum
}

// modelled looks the callee up in the knowledge table.
func (a *summarizer) modelled(c *ssa.CallCommon) (knowledge.CallEffect, bool) {
	name := names.Callee(c)
	if name == "" {
		return knowledge.CallEffect{}, false
	}
	return knowledge.CallEffectFor(name)
}

// applyModel records the effect of a modelled call.
func (a *summarizer) applyModel(fn *ssa.Function, ce knowledge.CallEffect, args []ssa.Value, instr ssa.CallInstruction, set *effectSet) {
	pos := instr.Pos()
	what := names.Display(instr.Common())
	arg := func(i int) ssa.Value {
		if i >= 0 && i < len(args) {
			return args[i]
		}
		return nil
	}
	switch ce.Op {
	case knowledge.OpWrite, knowledge.OpRead:
		op := Write
		if ce.Op == knowledge.OpRead {
			op = Read
		}
		state := arg(ce.Arg)
		if state == nil {
			return
		}
		if op == Read {
			a.read(fn, set, state, callResult(instr), pos, what, ce.Hint)
			return
		}
		if r := callResult(instr); r != nil && len(*r.Referrers()) > 0 {
			// atomic.AddInt64 hands back the new value: a read as well
			a.read(fn, set, state, r, pos, what, "")
		}
		if isBool(state) && a.transientFlag(fn, state) {
			return // raised and lowered again by the work it guards
		}
		if g, ok := state.(*ssa.Global); ok && a.prov.RandomSeeded(g) {
			return // a random stream's next value, each replica's own
		}
		rest := slices.DeleteFunc(slices.Clone(args), func(v ssa.Value) bool { return v == state })
		key, val := keyValue(rest)
		if a.prov.DefaultFill(instr, state, rest...) || val != nil && a.memo(fn, instr, state, key, val) {
			return // a default under a fixed key, or a memo: the same on every replica
		}
		if a.memoUpkeep(fn, state, key, val) {
			return // the eviction of a memo this function fills, or the count that bounds it
		}
		hint := ce.Hint
		if _, isConst := val.(*ssa.Const); hint == knowledge.HintIncrement && val != nil && key == nil && !isConst {
			hint = knowledge.HintAdd // atomic.AddInt64(&total, n): a running total
		}
		if hint == "" && val != nil {
			hint = a.valueHint(fn, instr, state, key, val)
		}
		if hint == knowledge.HintIncrement && negativeInt(val) {
			what = "decrement " + what // atomic.AddInt32(&open, -1)
		}
		a.direct(fn, set, op, state, pos, what, hint, fromParams(fn, key, val)...)
	case knowledge.OpFile:
		if !removesPath(fn, arg(ce.Arg)) {
			a.file(set, FileWrite, what, arg(ce.Arg), fn, pos)
		}
	case knowledge.OpRemove:
		if !madePath(fn, arg(ce.Arg)) {
			a.file(set, FileWrite, what, arg(ce.Arg), fn, pos)
		}
	case knowledge.OpFileRead:
		a.file(set, FileRead, what, arg(ce.Arg), fn, pos)
	case knowledge.OpLocalDB:
		a.file(set, LocalDB, what, arg(ce.Arg), fn, pos)
	case knowledge.OpOpenFile:
		if writeFlag(arg(ce.Arg)) && !removesPath(fn, arg(0)) {
			a.file(set, FileWrite, what, arg(0), fn, pos)
		}
	case knowledge.OpTempFile:
		if !removedIn(fn) {
			a.file(set, FileWrite, what, arg(ce.Arg), fn, pos)
		}
	case knowledge.OpCopy:
		if dst := arg(ce.Arg); dst != nil && isOSFile(dst) && !openedHere(dst) {
			a.file(set, FileWrite, what, nil, fn, pos)
		}
	case knowledge.OpSQLWrite:
		if db := arg(ce.Arg); db != nil && a.prov.EmbeddedDB(fn, db) {
			a.file(set, LocalDB, what, nil, fn, pos)
		}
	case knowledge.OpSQLOpen:
		if drv, ok := names.ConstString(arg(ce.Arg)); ok && knowledge.IsEmbeddedSQLDriver(drv) {
			a.file(set, LocalDB, what, arg(1), fn, pos)
		}
	}
}

// keyValue picks the key and the value among the arguments of a
// modelled write other than its state: Store(k, v), Set(k, v, ttl), or a
// single slot's Store(v).
func keyValue(rest []ssa.Value) (key, val ssa.Value) {
	switch len(rest) {
	case 0:
		return nil, nil
	case 1:
		return nil, rest[0]
	}
	return rest[0], rest[1]
}

// file records a local-filesystem effect; its key names the directory or
// constant the path is built from, to match an upload with its download.
func (a *summarizer) file(set *effectSet, op Op, what string, path ssa.Value, fn *ssa.Function, pos token.Pos) {
	set.add(Effect{Op: op, What: what, Key: provenance.PathKey(fn, path), Posn: a.posn(pos), pos: pos})
}

// builtin models delete, clear, close and copy as writes, len and cap of
// shared containers as reads.
func (a *summarizer) builtin(fn *ssa.Function, b *ssa.Builtin, args []ssa.Value, instr ssa.CallInstruction, set *effectSet) {
	if len(args) == 0 {
		return
	}
	switch b.Name() {
	case "close":
		if tokens(args[0]) {
			return // a signal that something happened: nothing is kept in it
		}
		a.direct(fn, set, Write, args[0], instr.Pos(), b.Name(), "")
	case "delete", "clear", "copy":
		a.direct(fn, set, Write, args[0], instr.Pos(), b.Name(), "")
	case "len", "cap":
		a.read(fn, set, args[0], callResult(instr), instr.Pos(), b.Name(), "")
	}
}

// writeFlag reports whether an os.OpenFile flag may write.
func writeFlag(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil {
		return true // unknown flags: assume the worst, as the call is rare in read paths
	}
	f, ok := constant.Int64Val(c.Value)
	return !ok || f&(int64(os.O_WRONLY)|int64(os.O_RDWR)|int64(os.O_CREATE)|int64(os.O_APPEND)|int64(os.O_TRUNC)) != 0
}

// removedIn reports whether fn removes a file (typically deferred), which
// makes a temp file created in it a per-request scratch file.
func removedIn(fn *ssa.Function) bool {
	return len(fileCalls(fn, knowledge.OpRemove)) > 0
}

// removesPath reports whether fn removes the file it writes at path: the
// same path value, or a path under a temp directory fn makes and
// removes. Such a file is the request's scratch (a conversion's output
// written, served and deleted), not state a later request finds.
func removesPath(fn *ssa.Function, path ssa.Value) bool {
	removed := fileCalls(fn, knowledge.OpRemove)
	if len(removed) == 0 || path == nil {
		return false
	}
	from := pathOrigins(path)
	for _, r := range removed {
		if samePath(r, path) {
			return true
		}
	}
	return slices.ContainsFunc(from, func(o pathOrigin) bool { return isTempCall(o.v) })
}

// madePath reports whether the file fn removes at path is one fn made
// itself: a temp file or directory (os.Remove(tmp.Name())), something
// under one, or a path fn writes. Removing it cleans up the request's
// own scratch; removing anything else changes what the disk holds for
// later requests.
func madePath(fn *ssa.Function, path ssa.Value) bool {
	if path == nil {
		return false
	}
	if slices.ContainsFunc(pathOrigins(path), func(o pathOrigin) bool { return isTempCall(o.v) || handedFile(o.v) }) {
		return true
	}
	for _, op := range []knowledge.Op{knowledge.OpFile, knowledge.OpOpenFile} {
		if slices.ContainsFunc(fileCalls(fn, op), func(w ssa.Value) bool { return samePath(w, path) }) {
			return true
		}
	}
	return false
}

// handedFile reports whether v is an *os.File parameter: a helper that
// removes the file of a handle it is handed (cleanUp(tmp) doing
// os.Remove(f.Name())) disposes of what its caller opened, and the
// caller's own write, if it made a file that lasts, is reported there.
func handedFile(v ssa.Value) bool {
	p, ok := v.(*ssa.Parameter)
	return ok && types.TypeString(p.Type(), nil) == "*os.File"
}

// fileCalls returns the paths that fn's modelled calls of op take.
func fileCalls(fn *ssa.Function, op knowledge.Op) []ssa.Value {
	var out []ssa.Value
	for _, anon := range fn.AnonFuncs {
		// a cleanup fn hands out or defers: closeReader: func() error {
		// return os.Remove(file.Name()) }
		out = append(out, fileCalls(anon, op)...)
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			ce, ok := knowledge.CallEffectFor(names.Callee(call.Common()))
			if !ok || ce.Op != op {
				continue
			}
			arg := ce.Arg
			if op == knowledge.OpOpenFile {
				arg = 0 // Arg is the flag
			}
			if args := names.Args(call.Common()); arg >= 0 && arg < len(args) {
				out = append(out, args[arg])
			}
		}
	}
	return out
}

// A pathOrigin is one value a path is built from: a constant by its
// text, anything else by its SSA value.
type pathOrigin struct {
	v    ssa.Value
	text string
}

// pathOrigins lists what a path is built from, outermost first: the path
// itself, then through conversions, tuple results, the left operand of a
// concatenation and the first argument (or receiver) of a call, the way
// filepath.Join(dir, name) and tmp.Name() are built.
func pathOrigins(v ssa.Value) []pathOrigin {
	var out []pathOrigin
	for depth := 0; v != nil && depth < 8; depth++ {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.Convert:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Const:
			s, _ := names.ConstString(x)
			return append(out, pathOrigin{text: s})
		}
		out = append(out, pathOrigin{v: v})
		switch x := v.(type) {
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return out
			}
			v = cellValue(x.X) // a variable a closure shares with its maker
		case *ssa.Extract:
			v = x.Tuple
		case *ssa.BinOp:
			v = x.X
		case *ssa.Call:
			args := names.Args(&x.Call)
			if len(args) == 0 {
				return out
			}
			v = args[0]
			if sl, ok := v.(*ssa.Slice); ok {
				v = provenance.FirstElem(sl)
			}
		default:
			return out
		}
	}
	return out
}

// cellValue is the one value stored in a variable that a closure shares
// with the function that makes it, seen from either side: the maker's
// cell, or the closure's free variable bound to it. nil otherwise.
func cellValue(v ssa.Value) ssa.Value {
	if fv, ok := v.(*ssa.FreeVar); ok {
		v = ssautil.Binding(fv)
	}
	cell, ok := v.(*ssa.Alloc)
	if !ok {
		return nil
	}
	if vals := ssautil.CellValues(cell); len(vals) == 1 {
		return vals[0]
	}
	return nil
}

// samePath reports whether two paths are one: the same value, or the same
// constant text.
func samePath(x, y ssa.Value) bool {
	ox, oy := pathOrigins(x), pathOrigins(y)
	if len(ox) == 0 || len(oy) == 0 {
		return false
	}
	if ox[0].v == nil && oy[0].v == nil {
		return ox[0].text != "" && ox[0].text == oy[0].text
	}
	return ox[0] == oy[0]
}

// isTempCall reports whether v is the result of a temp-file call.
func isTempCall(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	ce, ok := knowledge.CallEffectFor(names.Callee(&call.Call))
	return ok && ce.Op == knowledge.OpTempFile
}

// isOSFile reports whether the writer is an *os.File.
func isOSFile(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return typeName(v.Type()) == "os.File"
}

// openedHere reports whether the file was opened for writing by a call
// that is already a finding of its own (os.Create, os.OpenFile).
func openedHere(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		v = cmp.Or(cellValue(load.X), v) // a file a closure shares
	}
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	name := names.Callee(&call.Call)
	return name == "os.Create" || name == "os.OpenFile" || name == "os.CreateTemp"
}

// heldType is the type of the value an interface call is made on, or,
// when that is a dependency's interface kept in a field of this package
// (a TitleExtractor's cache lcw.LoadingCache[string]), the concrete type
// this package stores in that field that keeps its data in process
// memory by its structure (lcw.NewExpirableCache's *ExpirableCache,
// not the lcw.Nop it falls back to): what the structure of the
// dependency says of the calls made through the field.
func (a *summarizer) heldType(v ssa.Value) types.Type {
	t := v.Type()
	if !types.IsInterface(t) {
		return t
	}
	f := heldField(v)
	if f == nil {
		return t
	}
	if a.held == nil {
		a.held = map[*types.Var][]types.Type{}
		for st := range ssautil.Stores(a.funcs) {
			sfa, ok := st.Addr.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			mi, ok := st.Val.(*ssa.MakeInterface)
			if !ok {
				continue
			}
			if sf := ssautil.FieldOf(sfa.X.Type(), sfa.Field); sf != nil {
				a.held[sf] = append(a.held[sf], mi.X.Type())
			}
		}
	}
	for _, ct := range a.held[f] {
		if _, is := typeshape.DependencyContainer(ct); is {
			return ct
		}
	}
	return t
}

// heldField is the field an interface value v is read from: a load of
// its address (s.cache), or a field of a struct loaded whole, as a
// method promoted through an embedded interface reads it
// (s.replies.Get, replies embedding the cache's interface).
func heldField(v ssa.Value) *types.Var {
	switch x := ssautil.UnwrapValue(v).(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return ssautil.FieldOf(fa.X.Type(), fa.Field)
		}
	case *ssa.Field:
		return ssautil.FieldOf(x.X.Type(), x.Field)
	}
	return nil
}
