package summary

import (
	"go/token"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// callResult is the value a call instruction produces, or nil for go
// and defer.
func callResult(instr ssa.CallInstruction) ssa.Value {
	if c, ok := instr.(*ssa.Call); ok {
		return c
	}
	return nil
}

// maxUseSteps bounds the values one use question visits.
const maxUseSteps = 64

// useOf tells what a value read from state feeds, through arithmetic,
// conversions and formatting: a comparison (a limit that decides the
// response), data (stored, sent, written out), a return, or only a
// logger, a metric or an index into this replica's own resources (a
// round-robin pick); UseNone when nothing uses it.
func useOf(v ssa.Value) Use {
	if v == nil {
		return UseUnknown
	}
	origin := v
	seen := map[ssa.Value]bool{}
	use := UseNone
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if seen[v] || len(seen) > maxUseSteps || use == UseGate {
			return
		}
		seen[v] = true
		refs := v.Referrers()
		if refs == nil {
			return
		}
		for _, r := range *refs {
			if u, ok := r.(*ssa.MapUpdate); ok && writesBack(origin, u) {
				continue // m[k]++: the write itself, recorded as one
			}
			if st, ok := r.(*ssa.Store); ok && storesBack(origin, st) {
				continue // i = (i + 1) % len(targets): the write itself
			}
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1 && v == origin {
				if _, isLookup := v.(*ssa.Lookup); isLookup {
					continue // _, ok := m[k]: whether the key is there, not its value
				}
			}
			use = max(use, useIn(r, v, walk))
		}
	}
	walk(v)
	return use
}

// storesBack reports whether st stores into the variable or field the
// load origin read.
func storesBack(origin ssa.Value, st *ssa.Store) bool {
	ld, ok := origin.(*ssa.UnOp)
	return ok && ld.Op == token.MUL && ssautil.SameRef(ld.X, st.Addr)
}

// writesBack reports whether u stores into the entry the lookup origin
// read: m[k] = m[k] + n.
func writesBack(origin ssa.Value, u *ssa.MapUpdate) bool {
	l, ok := origin.(*ssa.Lookup)
	return ok && ssautil.SameRef(l.X, u.Map) && ssautil.SameRef(l.Index, u.Key)
}

// useIn is what one instruction does with v; values it computes from v
// are walked on.
func useIn(r ssa.Instruction, v ssa.Value, walk func(ssa.Value)) Use {
	switch r := r.(type) {
	case *ssa.If:
		return UseGate
	case *ssa.BinOp:
		switch r.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			other := r.X
			if other == v {
				other = r.Y
			}
			switch {
			case isNil(other):
				return UseNone // whether there is an entry, not what it holds
			case isLen(other):
				return UseExport // i >= len(targets): the bound of a round-robin pick
			}
			return UseGate
		}
		walk(r)
	case *ssa.UnOp, *ssa.Convert, *ssa.ChangeType, *ssa.MakeInterface, *ssa.Phi, *ssa.Extract, *ssa.Field, *ssa.TypeAssert:
		walk(r.(ssa.Value))
	case *ssa.Index:
		if r.Index == v {
			return UseExport // picks one of a table: a round-robin index
		}
		walk(r)
	case *ssa.IndexAddr:
		if r.Index == v {
			return UseExport
		}
		return UseData
	case *ssa.Return:
		return UseReturn
	case *ssa.MakeMap, *ssa.MakeChan:
		return UseNone // make(map[K]V, len(counts)): room reserved, nothing read
	case *ssa.MakeSlice:
		if r.Len != v {
			return UseNone
		}
		return UseData
	case *ssa.FieldAddr:
		return fieldUse(r, walk)
	case *ssa.Store:
		return storeUse(r, v, walk)
	case *ssa.DebugRef:
	case ssa.CallInstruction:
		return callUse(r, v, walk)
	default:
		return UseData
	}
	return UseNone // what it computes was walked on
}

// fieldUse follows a field of a struct read from state to what its loads
// feed (e := get(k); if e.hits > max); a store into the field is a write,
// recorded as one; anything else takes the field as data.
func fieldUse(fa *ssa.FieldAddr, walk func(ssa.Value)) Use {
	use := UseNone
	for _, r := range *fa.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				walk(r)
				continue
			}
			use = UseData
		case *ssa.Store:
			if r.Addr != fa {
				use = UseData
			}
		case *ssa.DebugRef:
		default:
			use = UseData
		}
	}
	return use
}

// storeUse follows a value stored into a local variable to its loads, and
// into a local array that becomes the variadic arguments of a call
// (log.Printf("%d", n)); any other store keeps it as data.
func storeUse(st *ssa.Store, v ssa.Value, walk func(ssa.Value)) Use {
	if local, ok := st.Addr.(*ssa.Alloc); ok && st.Val == v {
		// a local cell (a result kept for a deferred call, a captured
		// variable): what its loads feed
		use := UseNone
		for _, r := range *local.Referrers() {
			switch r := r.(type) {
			case *ssa.UnOp:
				if r.Op == token.MUL {
					walk(r)
				}
			case *ssa.FieldAddr:
				use = max(use, fieldUse(r, walk)) // v := m[k]; if v.exp <= now
			}
		}
		return use
	}
	ia, ok := st.Addr.(*ssa.IndexAddr)
	if !ok || st.Val != v {
		return UseData
	}
	alloc, ok := ia.X.(*ssa.Alloc)
	if !ok {
		return UseData
	}
	for _, r := range *alloc.Referrers() {
		if sl, ok := r.(*ssa.Slice); ok {
			walk(sl)
		}
	}
	return UseExport
}

// callUse is what a call does with a value read from state: a logger or
// a metric exports it (knowledge.ExportFuncs, methods of loggers and
// metrics); formatting hands it on in its result; anything else takes it
// as data.
func callUse(call ssa.CallInstruction, v ssa.Value, walk func(ssa.Value)) Use {
	c := call.Common()
	name := names.Callee(c)
	args := names.Args(c)
	if ce, ok := knowledge.CallEffectFor(name); ok && ce.Op == knowledge.OpWrite && ce.Arg < len(args) && args[ce.Arg] == v {
		// the address of what the call writes (atomic.AddUint64(m.hits,
		// 1), a sync.Map's Store): the write itself, and what it returns
		// is the new value
		if res := callResult(call); res != nil {
			walk(res)
		}
		return UseNone
	}
	if cp, ok := knowledge.CopyFuncs[name]; ok {
		// maps.Copy(m, counts); return m: the copy's use is the original's
		switch {
		case cp.Src >= len(args) || args[cp.Src] != v:
			return UseNone // the copy itself, being filled
		case cp.Dst < 0:
			if res := callResult(call); res != nil {
				walk(res)
			}
		case cp.Dst < len(args):
			walk(args[cp.Dst])
		}
		return UseNone
	}
	switch {
	case knowledge.IsExportFunc(name), knowledge.IsStash(name):
		// a stash in the request's own context goes no further than
		// this request: echo's proxy keeps the index it picked there
		return UseExport
	case knowledge.IsFormatFunc(name):
		if res := callResult(call); res != nil {
			walk(res)
		}
		return UseExport
	}
	if b, ok := c.Value.(*ssa.Builtin); ok && b.Name() != "append" && b.Name() != "copy" {
		return UseExport
	}
	if len(args) > 0 && knowledge.IsExportType(names.TypeName(args[0].Type())) {
		return UseExport // a method of a logger or a metric
	}
	return UseData
}

// isNil reports whether v is the constant nil.
func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// isLen reports whether v is the length of something: len(x).
func isLen(v ssa.Value) bool {
	call, ok := ssautil.UnwrapValue(v).(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	return ok && b.Name() == "len"
}
