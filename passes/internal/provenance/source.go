package provenance

import (
	"go/token"
	"go/types"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// Sources is where a stored value comes from, one bit per origin: a value
// made of several has all of theirs. Constants add none.
type Sources uint8

// The origins of a value.
const (
	FromProgram  Sources = 1 << iota // embedded files, functions, data set at init, pure calls of those
	FromConfig                       // startup configuration: the environment, files the deployment ships
	FromKey                          // the key it is stored under, or what the key is computed from
	FromClock                        // the clock
	FromRandom                       // randomness: a fresh token, an ID
	FromExternal                     // a database query, an HTTP call, a Redis read
	FromRequest                      // the request: body, form, params, headers, the user
	FromUnknown                      // a parameter, mutable state, a call the trace cannot see into
)

// Memo reports whether a value derives only from the program, its
// configuration and the key, and from more than constants: every replica
// computes the same thing for the same key.
func (s Sources) Memo() bool {
	return s != 0 && s&^(FromProgram|FromConfig|FromKey) == 0
}

// Loaded reports whether a value carries data loaded from an external
// store, and nothing of the request or of what the trace cannot see: a
// row cached under its key, perhaps stamped with the time it was loaded.
func (s Sources) Loaded() bool {
	return s&FromExternal != 0 && s&(FromRequest|FromRandom|FromUnknown) == 0
}

// Recorded reports whether a value carries what a request brought or
// made (its data, a fresh random token), and nothing the trace cannot
// see: it exists nowhere else and must be stored.
func (s Sources) Recorded() bool {
	return s&(FromRequest|FromRandom) != 0 && s&(FromExternal|FromUnknown) == 0
}

// maxSourceDepth bounds one trace of a value's sources; maxSourceSteps its
// work, so that a function of any shape is traced in bounded time.
const (
	maxSourceDepth = 16
	maxSourceSteps = 400
)

// A sourceTrace is one question: where a value stored at one site of fn
// comes from, with the values its key is computed from.
type sourceTrace struct {
	a     *Tracer
	fn    *ssa.Function
	keys  map[ssa.Value]bool
	memo  map[ssa.Value]Sources
	steps int
	calls int // depth of calls of this package traced into

	outer *sourceTrace // the caller's trace, when this one follows a call
	args  []ssa.Value  // the caller's arguments
	depth int          // the caller's depth at the call
}

// ValueSources tells where v, stored by fn under key (nil for a single
// slot), comes from. For a slot, the parameters that fn compares with ==
// stand for the key: a slot that keeps the last parsed specification
// together with its text is keyed by that text.
//
// The container, when known, is part of the key too where a scalar
// parameter of fn chooses it: a memo kept in one of several tables picked
// by a tag (fiber's binder: getFieldCache(aliasTag).LoadOrStore(typ,
// buildFieldInfo(typ, aliasTag))) is keyed by the tag and the type.
func (a *Tracer) ValueSources(fn *ssa.Function, v, key, container ssa.Value) Sources {
	t := &sourceTrace{a: a, fn: fn, keys: map[ssa.Value]bool{}, memo: map[ssa.Value]Sources{}}
	if key != nil {
		t.keyParts(key, 0)
	} else {
		for _, p := range comparedParams(fn) {
			t.keys[p] = true
		}
	}
	for _, p := range selectors(container, 0) {
		t.keys[p] = true
	}
	return t.walk(v, 0)
}

// selectors are the parameters of basic type that the container value
// is computed from: a name or number that picks one of several tables.
func selectors(v ssa.Value, depth int) []ssa.Value {
	if v == nil || depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.Parameter:
		if _, ok := x.Type().Underlying().(*types.Basic); ok {
			return []ssa.Value{x}
		}
	case *ssa.Call:
		var out []ssa.Value
		for _, arg := range names.Args(&x.Call) {
			out = append(out, selectors(arg, depth+1)...)
		}
		return out
	default:
		if op := operand(v); op != nil {
			return selectors(op, depth+1)
		}
	}
	return nil
}

// KeySources tells where a key used by fn comes from.
func (a *Tracer) KeySources(fn *ssa.Function, key ssa.Value) Sources {
	if key == nil {
		return 0
	}
	t := &sourceTrace{a: a, fn: fn, keys: map[ssa.Value]bool{}, memo: map[ssa.Value]Sources{}}
	return t.walk(key, 0)
}

// keyParts marks the key and the values it is computed from through
// conversions, concatenation and calls: a value computed from them is a
// function of the key.
func (t *sourceTrace) keyParts(v ssa.Value, depth int) {
	if v == nil || depth > 6 || t.keys[v] || knowledge.IsRequestType(types.TypeString(v.Type(), nil)) {
		return // the request a key is read from is more than the key
	}
	t.keys[v] = true
	switch x := v.(type) {
	case *ssa.BinOp:
		t.keyParts(x.X, depth+1)
		t.keyParts(x.Y, depth+1)
	case *ssa.Call:
		for _, arg := range names.Args(&x.Call) {
			t.keyParts(arg, depth+1)
		}
	case *ssa.Field, *ssa.FieldAddr:
		// a key read out of a record (s.m[p.ID] = p): the record holds
		// more than its key, and is no function of it
	default:
		if op := operandOf(v); op != nil {
			t.keyParts(op, depth+1)
		}
	}
}

// paramOrDefault reports whether v is a parameter, or a φ-node of a
// parameter and constants (a parameter given a default when empty).
func paramOrDefault(v ssa.Value) bool {
	phi, ok := v.(*ssa.Phi)
	if !ok {
		_, ok := v.(*ssa.Parameter)
		return ok
	}
	param := false
	for _, e := range phi.Edges {
		switch e.(type) {
		case *ssa.Parameter:
			param = true
		case *ssa.Const:
		default:
			return false
		}
	}
	return param
}

// comparedParams are the parameters of fn that an == or != compares,
// with their defaults (if spec == "" { spec = defaultSpec }).
func comparedParams(fn *ssa.Function) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			cmp, ok := instr.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
				continue
			}
			for _, x := range []ssa.Value{cmp.X, cmp.Y} {
				if paramOrDefault(x) {
					out = append(out, x)
				}
			}
		}
	}
	return out
}

func (t *sourceTrace) walk(v ssa.Value, depth int) Sources {
	if v == nil {
		return 0
	}
	if t.keys[v] {
		return FromKey
	}
	if t.steps++; depth > maxSourceDepth || t.steps > maxSourceSteps {
		return FromUnknown
	}
	if s, ok := t.memo[v]; ok {
		return s
	}
	t.memo[v] = 0 // a cycle through φ-nodes adds nothing new
	s := t.value(v, depth)
	t.memo[v] = s
	return s
}

func (t *sourceTrace) value(v ssa.Value, depth int) Sources {
	if knowledge.IsRequestType(types.TypeString(v.Type(), nil)) {
		return FromRequest
	}
	switch x := v.(type) {
	case *ssa.Const:
		return 0
	case *ssa.Function:
		return FromProgram
	case *ssa.Builtin:
		return 0
	case *ssa.Global:
		return t.global(x)
	case *ssa.Parameter:
		return t.param(x)
	case *ssa.FreeVar:
		return FromUnknown
	case *ssa.Alloc:
		return t.alloc(x, depth)
	case *ssa.MakeMap:
		return t.mapContents(x, depth)
	case *ssa.MakeChan:
		return 0
	case *ssa.MakeSlice:
		return t.alloc(x, depth)
	case *ssa.MakeClosure:
		s := FromProgram
		for _, b := range x.Bindings {
			s |= t.walk(b, depth+1)
		}
		return s
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			return FromUnknown // what another goroutine sent
		}
		if t.a.settledField(x) {
			return FromConfig // set when the long-lived value was made
		}
		return t.walk(x.X, depth+1)
	case *ssa.BinOp:
		return t.walk(x.X, depth+1) | t.walk(x.Y, depth+1)
	case *ssa.Lookup:
		return t.walk(x.X, depth+1) | t.walk(x.Index, depth+1)
	case *ssa.Index:
		return t.walk(x.X, depth+1) | t.walk(x.Index, depth+1)
	case *ssa.IndexAddr:
		return t.walk(x.X, depth+1) | t.walk(x.Index, depth+1)
	case *ssa.Phi:
		var s Sources
		for _, e := range x.Edges {
			s |= t.walk(e, depth+1)
		}
		return s
	case *ssa.Call:
		if isContext(x.Type()) {
			return t.lifetimeOf(&x.Call, depth)
		}
		return t.call(&x.Call, depth)
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok && lifetime(x, c) {
			return t.lifetimeOf(&c.Call, depth)
		}
		return t.walk(operandOf(v), depth+1)
	case *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.ChangeType, *ssa.Convert, *ssa.TypeAssert,
		*ssa.Slice, *ssa.Field, *ssa.FieldAddr, *ssa.SliceToArrayPointer, *ssa.MultiConvert:
		return t.walk(operandOf(v), depth+1)
	}
	return FromUnknown
}

// operandOf is the one value v is computed from, for the instructions
// value passes through.
func operandOf(v ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.ChangeInterface:
		return x.X
	case *ssa.TypeAssert:
		return x.X
	case *ssa.SliceToArrayPointer:
		return x.X
	case *ssa.MultiConvert:
		return x.X
	}
	return operand(v)
}

// global is where the data of a package-level variable comes from:
// embedded files and variables set only while the package initialises
// are the program's; settings of another package, read as plain values,
// are configuration; anything else is state the trace cannot judge.
func (t *sourceTrace) global(g *ssa.Global) Sources {
	if names.TypeName(g.Type()) == "embed.FS" || t.a.setAtInit(g) && !t.a.mutated()[g] {
		return FromProgram
	}
	if knowledge.IsRandomPackage(g.Pkg.Pkg.Path()) || t.a.randomFilled(g) {
		return FromRandom // crypto/rand.Reader; a seed rand.Read filled
	}
	if scope.IsStd(g.Pkg.Pkg.Path()) {
		return FromConfig // time.Local: what the runtime set from the environment at start
	}
	if g.Pkg != t.a.pkg {
		if b, ok := g.Type().(*types.Pointer).Elem().Underlying().(*types.Basic); ok && b.Info()&(types.IsString|types.IsBoolean|types.IsNumeric) != 0 {
			return FromConfig
		}
	}
	return FromUnknown
}

// mutated finds the package-level variables of this package whose
// contents (map entries, elements, fields) a function other than an
// initialiser changes, memoised: a table filled at init and only read
// later is the program's own data.
func (a *Tracer) mutated() map[*ssa.Global]bool {
	if a.changed != nil {
		return a.changed
	}
	a.changed = map[*ssa.Global]bool{}
	for _, fn := range a.funcs {
		if isInitFunc(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, v := range changedBy(instr) {
					if g := rootGlobal(v, 0); g != nil {
						a.changed[g] = true
					}
				}
			}
		}
	}
	return a.changed
}

// changedBy returns the addresses or containers an instruction may
// change: stored to, updated, or handed to a call (which may fill them).
func changedBy(instr ssa.Instruction) []ssa.Value {
	switch x := instr.(type) {
	case *ssa.Store:
		return []ssa.Value{x.Addr}
	case *ssa.MapUpdate:
		return []ssa.Value{x.Map}
	case ssa.CallInstruction:
		return names.Args(x.Common())
	}
	return nil
}

// rootGlobal is the package-level variable an address or container is
// part of, through fields, elements and loads, or nil.
func rootGlobal(v ssa.Value, depth int) *ssa.Global {
	for ; depth < 8; depth++ {
		switch x := v.(type) {
		case *ssa.Global:
			return x
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.Lookup:
			v = x.X
		case *ssa.UnOp:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Slice:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// alloc is where a local variable or a struct made here gets its
// contents: what is stored into it and into its fields and elements, and
// what a call that fills it through its address reads
// (json.NewDecoder(r.Body).Decode(&v)).
func (t *sourceTrace) alloc(a ssa.Value, depth int) Sources {
	var s Sources
	var visit func(v ssa.Value, depth int)
	visit = func(v ssa.Value, d int) {
		if d > 3 {
			return
		}
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr == v {
					s |= t.walk(r.Val, depth+1)
				}
				if ia, ok := r.Addr.(*ssa.IndexAddr); ok && r.Val == v {
					if arr, ok := ia.X.(*ssa.Alloc); ok {
						// &v among a call's variadic arguments
						// (row.Scan(&v)): the call fills it
						visit(arr, d+1)
					}
				}
			case *ssa.FieldAddr:
				visit(r, d+1)
			case *ssa.IndexAddr:
				visit(r, d+1)
			case *ssa.MakeInterface:
				visit(r, d+1)
			case *ssa.Slice:
				visit(r, d+1)
			case *ssa.UnOp:
				if _, ok := r.Type().Underlying().(*types.Map); ok && r.Op == token.MUL {
					s |= t.mapContents(r, depth) // info.names[k] = v through the field
				}
			case ssa.CallInstruction:
				if _, ok := r.Common().Value.(*ssa.Builtin); ok {
					continue
				}
				if ce, ok := knowledge.CallEffectFor(names.Callee(r.Common())); ok && ce.Op == knowledge.OpWrite {
					continue // stored somewhere (last.Store(a)), not filled
				}
				s |= t.callInto(r.Common(), v, depth)
			}
		}
	}
	visit(a, 0)
	return s
}

// mapContents is what a map made in this function is filled with here:
// the keys and values of its updates. An empty map adds nothing.
func (t *sourceTrace) mapContents(m ssa.Value, depth int) Sources {
	var s Sources
	for _, r := range *m.Referrers() {
		if u, ok := r.(*ssa.MapUpdate); ok && u.Map == m {
			s |= t.walk(u.Key, depth+1) | t.walk(u.Value, depth+1)
		}
	}
	return s
}

// callInto is what a call that receives the address of a local may fill
// it with: the sources of its other arguments, or of what it loads.
func (t *sourceTrace) callInto(c *ssa.CallCommon, addr ssa.Value, depth int) Sources {
	if src := t.callSource(c); src != 0 {
		return src
	}
	var s Sources
	for _, arg := range names.Args(c) {
		if arg != addr {
			s |= t.walk(arg, depth+1)
		}
	}
	if c.IsInvoke() {
		s |= t.walk(c.Value, depth+1)
	}
	return s
}

// call is where the result of a call comes from: a tabulated source (the
// clock, randomness, a request accessor, a client of an external store),
// the returns of a function of this package, or else its arguments, a
// dependency's function being taken for a pure one (regexp.Compile,
// template.ParseFS, a catalogue loaded from an embedded FS).
func (t *sourceTrace) call(c *ssa.CallCommon, depth int) Sources {
	if src := t.callSource(c); src != 0 {
		return src
	}
	if c.IsInvoke() && knowledge.IsRequestType(types.TypeString(c.Value.Type(), nil)) {
		return FromRequest // echo.Context, an interface
	}
	if callee := c.StaticCallee(); callee != nil && callee.Pkg == t.a.pkg && len(callee.Blocks) > 0 && t.calls < 3 {
		return t.returnSources(callee, names.Args(c), depth)
	}
	switch callee := c.StaticCallee(); {
	case c.IsInvoke():
		if pkg := c.Method.Pkg(); pkg == nil || !scope.IsStd(pkg.Path()) {
			return FromUnknown // an implementation chosen at run time
		}
		// a method of a standard-library interface (reflect.Type.Field),
		// taken for pure like a dependency's functions
	case callee == nil:
		if fv := t.walk(c.Value, depth+1); !fv.Memo() {
			return FromUnknown // a function value chosen at run time
		}
		// one of the program's functions, picked from what it fixed
		// before any request (a table of factories filled at init, looked
		// up by the key): computed from its arguments, like a
		// dependency's function
	case callee.Pkg != nil && callee.Pkg != t.a.pkg && t.a.ModuleOf(callee.Pkg.Pkg.Path()) == t.a.module && t.a.module != "":
		return FromUnknown // this module's own code elsewhere, with state of its own
	}
	var s Sources
	for _, arg := range names.Args(c) {
		s |= t.walk(arg, depth+1)
	}
	if s == 0 {
		s = FromProgram // computed from constants alone
	}
	return s
}

// callSource is the tabulated origin of a call's result, or 0.
func (t *sourceTrace) callSource(c *ssa.CallCommon) Sources {
	name := names.Callee(c)
	switch {
	case knowledge.IsClockFunc(name):
		return FromClock
	case knowledge.IsRandomFunc(name):
		return FromRandom
	case knowledge.IsConfigFunc(name):
		return FromConfig
	}
	if _, ok := knowledge.ExternalCallFor(name); ok || t.a.External != nil && t.a.External(c) {
		return FromExternal
	}
	for _, arg := range names.Args(c) {
		if knowledge.IsClientType(names.TypeName(arg.Type())) {
			return FromExternal
		}
	}
	if _, ok := knowledge.KeySourceHint(name); ok {
		return FromRequest
	}
	return 0
}

// returnSources traces what a function of this package returns, its
// parameters standing for the caller's arguments.
func (t *sourceTrace) returnSources(callee *ssa.Function, args []ssa.Value, depth int) Sources {
	inner := &sourceTrace{a: t.a, fn: callee, keys: map[ssa.Value]bool{}, memo: map[ssa.Value]Sources{},
		calls: t.calls + 1, steps: t.steps, outer: t, args: args, depth: depth}
	var s Sources
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if !isError(r.Type()) {
				s |= inner.walk(r, 0)
			}
		}
	}
	t.steps = inner.steps
	return s
}

// param is what a parameter holds: the caller's argument when the trace
// follows a call, else something the trace cannot see.
func (t *sourceTrace) param(p *ssa.Parameter) Sources {
	i := ssautil.ParamIndex(t.fn, p)
	if t.outer == nil || i < 0 || i >= len(t.args) {
		return FromUnknown
	}
	return t.outer.walk(t.args[i], t.depth+1)
}

// lifetime reports whether a result of a call is a handle on a lifetime:
// a context, or a function returned beside one (its cancel function).
func lifetime(x *ssa.Extract, c *ssa.Call) bool {
	if isContext(x.Type()) {
		return true
	}
	if _, ok := x.Type().Underlying().(*types.Signature); !ok {
		return false
	}
	for v := range c.Call.Signature().Results().Variables() {
		if isContext(v.Type()) {
			return true
		}
	}
	return false
}

func isContext(t types.Type) bool { return types.TypeString(t, nil) == "context.Context" }

// lifetimeOf is where a context (or its cancel function) that a call
// returns comes from: the contexts it is derived from, whatever made it
// (a process manager of this module registering a child of a base
// context), or the request it belongs to. One derived from neither is
// the program's own.
func (t *sourceTrace) lifetimeOf(c *ssa.CallCommon, depth int) Sources {
	if src := t.callSource(c); src != 0 {
		return src
	}
	s := FromProgram
	for _, arg := range names.Args(c) {
		if isContext(arg.Type()) || knowledge.IsRequestType(types.TypeString(arg.Type(), nil)) {
			s |= t.walk(arg, depth+1) // r.Context() is the request's
		}
	}
	return s
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// Fills reports whether a write at instr into container fills what a
// lookup in the same function may have missed: it lies on the miss
// branch of a lookup, or fn looks the container up somewhere (get or
// compute).
func (a *Tracer) Fills(fn *ssa.Function, instr ssa.Instruction, container ssa.Value) bool {
	if onMiss(instr.Block(), container) {
		return true
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.Lookup:
				if ssautil.SameRef(x.X, container) {
					return true
				}
			case ssa.CallInstruction:
				c := x.Common()
				if in == instr || c.IsInvoke() || c.StaticCallee() == nil || len(c.Args) == 0 {
					continue
				}
				if op := knowledge.ContainerMethodOp(c.StaticCallee().Name()); ssautil.SameRef(c.Args[0], container) && (op == "lookup" || op == "getorload") {
					return true
				}
			}
		}
	}
	return false
}
