package extio

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"golang.org/x/tools/go/ssa"
)

// taint is what a value carries: data read from stores, and the values
// of the function's parameters.
type taint struct {
	stores Stores
	params uint32
}

func (t taint) or(u taint) taint { return taint{t.stores | u.stores, t.params | u.params} }

// flow is a flow-insensitive taint analysis of one function. Memory is
// tracked by root (an allocation, a parameter, a global): a field
// written with read data taints its whole struct, which errs towards a
// dependence rather than away from one.
type flow struct {
	r   *Result
	val map[ssa.Value]taint
	mem map[ssa.Value]taint
	// holds maps a root to the roots of the pointers stored in it: the
	// variadic slice of Scan(&a, &b) holds a and b.
	holds map[ssa.Value][]ssa.Value
	// drained are the paths (bufferPath) of the in-process buffers the
	// function empties: loads from them carry the buffer bit.
	drained map[string]bool
	own     map[types.Type]bool // ownData, by type
}

// A Dep is a write whose data depends on a read of the same store.
type Dep struct {
	Write  Site
	Effect Effect
	Stores Stores // the stores both read and written
}

// Dependent returns the writes among sinks whose data arguments carry
// what the calls among sources read, in the same store. Enforced writes
// are not dependent: the store checks them.
func (r *Result) Dependent(fn *ssa.Function, source, sink func(ssa.CallInstruction) bool) []Dep {
	f := r.flow(fn, source, false)
	var out []Dep
	for _, call := range calls(fn) {
		if !sink(call) {
			continue
		}
		if d, ok := f.dependentWrite(call); ok {
			out = append(out, d)
		}
	}
	return out
}

func calls(fn *ssa.Function) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(ssa.CallInstruction); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// flow runs the analysis of fn with the reads of the calls in source as
// sources, and the parameters too when params is set.
func (r *Result) flow(fn *ssa.Function, source func(ssa.CallInstruction) bool, params bool) *flow {
	return r.seededFlow(fn, source, params, nil)
}

// seededFlow is flow with values that carry taint on entry: the free
// variables of a closure, with what the caller's bindings carry.
func (r *Result) seededFlow(fn *ssa.Function, source func(ssa.CallInstruction) bool, params bool, seeds map[ssa.Value]taint) *flow {
	f := &flow{r: r, val: map[ssa.Value]taint{}, mem: map[ssa.Value]taint{}, holds: holdings(fn), drained: drains(fn)}
	for v, t := range seeds {
		f.val[v], f.mem[v] = t, t
	}
	if params {
		for i, p := range fn.Params {
			if i < 32 {
				f.val[p] = taint{params: 1 << i}
				f.mem[p] = taint{params: 1 << i}
			}
		}
	}
	for changed, n := true, 0; changed && n < 8; n++ {
		changed = false
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if f.step(in, source) {
					changed = true
				}
			}
		}
	}
	return f
}

// of is the taint of v used as an argument: its own and, for a pointer,
// that of the memory it points into.
func (f *flow) of(v ssa.Value) taint {
	t := f.val[v]
	if isPointerLike(v.Type()) {
		t = t.or(f.mem[root(v)])
	}
	return t
}

func isPointerLike(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface:
		return true
	}
	return false
}

// root strips field, element and conversion steps off an address.
func root(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		case *ssa.Slice:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
}

func (f *flow) setVal(v ssa.Value, t taint) bool {
	old := f.val[v]
	n := old.or(t)
	if n == old {
		return false
	}
	f.val[v] = n
	return true
}

func (f *flow) setMem(v ssa.Value, t taint) bool {
	v = root(v)
	old := f.mem[v]
	n := old.or(t)
	if n == old {
		return false
	}
	f.mem[v] = n
	for _, h := range f.holds[v] {
		f.setMem(h, t)
	}
	return true
}

// holdings finds, for each root, the pointers stored into it.
func holdings(fn *ssa.Function) map[ssa.Value][]ssa.Value {
	out := map[ssa.Value][]ssa.Value{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok && isPointerLike(st.Val.Type()) {
				r, h := root(st.Addr), root(st.Val)
				if r != h && !isClient(h.Type()) {
					out[r] = append(out[r], h)
				}
			}
		}
	}
	return out
}

// step propagates taint through one instruction.
func (f *flow) step(in ssa.Instruction, source func(ssa.CallInstruction) bool) bool {
	switch x := in.(type) {
	case *ssa.Store:
		return f.setMem(x.Addr, f.of(x.Val))
	case *ssa.UnOp:
		if x.Op == token.MUL {
			t := f.of(x.X)
			if len(f.drained) > 0 && f.drained[bufferPath(x.X)] {
				t.stores |= StoreBit(buffer)
			}
			return f.setVal(x, t)
		}
		return f.setVal(x, f.val[x.X])
	case ssa.CallInstruction:
		return f.call(x, source)
	case *ssa.Phi:
		t := taint{}
		for _, e := range x.Edges {
			t = t.or(f.val[e])
		}
		return f.setVal(x, t)
	case ssa.Value:
		t := taint{}
		for _, op := range in.Operands(nil) {
			if op != nil && *op != nil {
				t = t.or(f.of(*op))
			}
		}
		return f.setVal(x, t)
	case *ssa.MapUpdate:
		return f.setMem(x.Map, f.of(x.Key).or(f.of(x.Value)))
	}
	return false
}

// call propagates through a call: the results and the memory behind
// pointer arguments carry what the arguments carry (Scan(&x), Result(),
// strconv.Atoi), plus the read of a source, plus what the callee's
// summary says its results return.
func (f *flow) call(call ssa.CallInstruction, source func(ssa.CallInstruction) bool) bool {
	c := call.Common()
	t := taint{}
	for _, a := range names.Args(c) {
		switch {
		case f.ownData(a.Type()):
			t.stores |= StoreBit(buffer) // what it gathers is this replica's own
		case !isClient(a.Type()):
			t = t.or(f.of(a))
		}
	}
	if source(call) {
		if site, ok := f.r.SiteOf(call); ok {
			t.stores |= site.reads()
		}
	}
	changed := false
	if v := call.Value(); v != nil {
		changed = f.setVal(v, t)
	}
	if t == (taint{}) {
		return changed
	}
	for _, a := range names.Args(c) {
		if isPointerLike(a.Type()) && !isClient(a.Type()) {
			if f.setMem(a, t) {
				changed = true
			}
		}
	}
	return changed
}

// replicaOwn reports whether t is one of knowledge.ReplicaOwnTypes.
func replicaOwn(t types.Type) bool {
	return slices.Contains(knowledge.ReplicaOwnTypes, names.TypeName(t))
}

// ownData reports whether t holds this replica's own measurements (a
// metrics registry or gatherer, knowledge.ReplicaOwnTypes): what is
// gathered from it and sent on is this replica's to send, like a
// drained buffer.
func (f *flow) ownData(t types.Type) bool {
	if f.own == nil {
		f.own = map[types.Type]bool{}
	}
	own, ok := f.own[t]
	if !ok {
		own = replicaOwn(t)
		f.own[t] = own
	}
	return own
}

// isClient reports whether t is a client of a store or a context, whose
// state no read result flows into.
func isClient(t types.Type) bool {
	n := names.TypeName(t)
	return n == "context.Context" || slices.Contains(knowledge.SafeTypes, n)
}

// reads are the stores whose data a site's results carry.
func (s Site) reads() Stores {
	if s.Direct != nil {
		if s.Direct.Op == Read || s.Direct.Op == Guard {
			return StoreBit(s.Direct.Store)
		}
		return 0
	}
	return s.Summary.Returns
}

// dataArgs are a call's arguments that carry data: not the receiver of a
// method, not the SQL text, not a context.
func dataArgs(c *ssa.CallCommon, query int) []int {
	args := names.Args(c)
	var out []int
	recv := c.IsInvoke() || c.Signature().Recv() != nil
	for i, a := range args {
		if recv && i == 0 || i == query || names.TypeName(a.Type()) == "context.Context" {
			continue
		}
		out = append(out, i)
	}
	return out
}

// dependentWrite reports whether a call writes a store with data read
// from that store.
func (f *flow) dependentWrite(call ssa.CallInstruction) (Dep, bool) {
	site, ok := f.r.SiteOf(call)
	if !ok {
		return Dep{}, false
	}
	args := names.Args(call.Common())
	if e := site.Direct; e != nil {
		if e.Op != Write && e.Op != Send || e.Enforced || e.Constant {
			return Dep{}, false // checked by the store, or writes nothing it read
		}
		row, _ := knowledge.ExternalCallFor(names.Callee(call.Common()))
		var t taint
		for _, i := range dataArgs(call.Common(), row.Query) {
			t = t.or(f.of(args[i]))
		}
		if hit := t.stores & StoreBit(e.Store); hit != 0 {
			return Dep{Write: site, Effect: *e, Stores: hit}, true
		}
		return Dep{}, false
	}
	open := site.unenforcedWrites()
	for i, ps := range site.Summary.Params {
		if i >= len(args) {
			break
		}
		if hit := f.of(args[i]).stores & ps & open; hit != 0 {
			e := site.writeEffect(hit)
			return Dep{Write: site, Effect: e, Stores: hit}, true
		}
	}
	return Dep{}, false
}

// unenforcedWrites are the stores a summary site writes values to
// without the store checking the write, once the site has read the
// statements its arguments hold: a wrapper's parameters flow into a
// write, but where the caller's statement is an INSERT ... ON CONFLICT
// the store enforces it, and where it is a DELETE or an UPDATE that sets
// literals the arguments are only keys.
func (s Site) unenforcedWrites() Stores {
	var out Stores
	for _, e := range s.Effects() {
		if (e.Op == Write || e.Op == Send) && !e.Enforced && !e.Constant {
			out |= StoreBit(e.Store)
		}
	}
	return out
}

// writeEffect is the first unenforced write of the stores in a summary
// site, for the chain of a finding.
func (s Site) writeEffect(stores Stores) Effect {
	for _, e := range s.Effects() {
		if (e.Op == Write || e.Op == Send) && !e.Enforced && StoreBit(e.Store)&stores != 0 {
			return e
		}
	}
	return Effect{Op: Write, Store: stores.String(), Via: []string{s.Callee}}
}

// paramWrites are, per parameter, the stores an unenforced write of which
// takes the parameter's value.
func (f *flow) paramWrites(fn *ssa.Function) []Stores {
	out := make([]Stores, len(fn.Params))
	any := false
	for _, call := range calls(fn) {
		site, ok := f.r.SiteOf(call)
		if !ok {
			continue
		}
		args := names.Args(call.Common())
		if e := site.Direct; e != nil {
			if e.Op != Write && e.Op != Send || e.Enforced || e.Constant {
				continue
			}
			row, _ := knowledge.ExternalCallFor(names.Callee(call.Common()))
			for _, i := range dataArgs(call.Common(), row.Query) {
				any = f.markParams(out, f.of(args[i]).params, StoreBit(e.Store)) || any
			}
			continue
		}
		open := site.unenforcedWrites()
		for i, ps := range site.Summary.Params {
			if i < len(args) && ps&open != 0 {
				any = f.markParams(out, f.of(args[i]).params, ps&open) || any
			}
		}
	}
	if !any {
		return nil
	}
	return out
}

func (f *flow) markParams(out []Stores, params uint32, s Stores) bool {
	hit := false
	for i := range out {
		if params&(1<<i) != 0 {
			out[i] |= s
			hit = true
		}
	}
	return hit
}

// Enforced reports whether fn has the store enforce its writes in a way
// no single call shows: a serializable isolation level, under which the
// database aborts one of two racing transactions; an ORM locking clause
// (knowledge.LockingTypes); or handling a unique violation, so that a
// unique index rejects the duplicate (knowledge.UniqueViolations).
func Enforced(fn *ssa.Function) (string, bool) {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if mi, ok := in.(*ssa.MakeInterface); ok && slices.Contains(knowledge.LockingTypes, names.TypeName(mi.X.Type())) {
				return "locking clause", true
			}
			for _, op := range in.Operands(nil) {
				c, ok := (*op).(*ssa.Const)
				if !ok {
					continue
				}
				if isSerializable(c) {
					return "serializable transaction", true
				}
				if uniqueViolation(c) {
					return "unique violation handled", true
				}
			}
		}
	}
	return "", false
}

func uniqueViolation(c *ssa.Const) bool {
	s, ok := names.ConstString(c)
	if !ok {
		return false
	}
	for _, u := range knowledge.UniqueViolations {
		if strings.Contains(s, u) {
			return true
		}
	}
	return false
}

func isSerializable(c *ssa.Const) bool {
	switch names.TypeName(c.Type()) {
	case "database/sql.IsolationLevel":
		// LevelSerializable and LevelLinearizable, the last two levels.
		v, ok := constant.Int64Val(c.Value)
		return ok && v >= 6
	case "github.com/jackc/pgx/v5.TxIsoLevel", "github.com/jackc/pgx/v4.TxIsoLevel":
		s, _ := names.ConstString(c)
		return strings.EqualFold(s, "serializable")
	}
	return false
}
