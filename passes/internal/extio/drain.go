package extio

import (
	"go/token"
	"strconv"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"golang.org/x/tools/go/ssa"
)

// A job that drains an in-process buffer and writes what it held (a
// batch updater swapping its map of quota deltas for a fresh one, then
// adding each to its row) flushes what this replica's requests put
// there: every replica writes its own deltas once, which is right with N
// replicas. The buffer is told by the function emptying it, not by its
// name or type: a store into it of a fresh map or slice or nil, a
// truncation to [:0], or clear.

// drains are the buffer paths fn empties.
func drains(fn *ssa.Function) map[string]bool {
	var out map[string]bool
	mark := func(addr ssa.Value) {
		if p := bufferPath(addr); p != "" {
			if out == nil {
				out = map[string]bool{}
			}
			out[p] = true
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.Store:
				if fresh(x.Val) {
					mark(x.Addr)
				}
			case *ssa.Call:
				if bi, ok := x.Call.Value.(*ssa.Builtin); ok && bi.Name() == "clear" && len(x.Call.Args) == 1 {
					if ld, ok := x.Call.Args[0].(*ssa.UnOp); ok && ld.Op == token.MUL {
						mark(ld.X)
					}
				}
			}
		}
	}
	return out
}

// fresh reports whether v is an empty container: a new map or slice, a
// nil, or a slice of another cut to length zero.
func fresh(v ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.MakeMap, *ssa.MakeSlice:
		return true
	case *ssa.Const:
		return x.IsNil()
	case *ssa.Slice:
		c, ok := x.High.(*ssa.Const)
		return ok && c.Value != nil && c.Int64() == 0
	}
	return false
}

// bufferPath names an address that outlives the call by how it is
// reached, "g:pkg.v[]" or "p:s.3": a package variable, a field of a
// parameter or of a captured variable, with the indices dropped. It is
// empty for memory the function allocated itself.
func bufferPath(v ssa.Value) string {
	switch x := v.(type) {
	case *ssa.Global:
		return "g:" + x.RelString(nil)
	case *ssa.Parameter:
		return "p:" + x.Name()
	case *ssa.FreeVar:
		return "f:" + x.Name()
	case *ssa.FieldAddr:
		return within(bufferPath(x.X), "."+strconv.Itoa(x.Field))
	case *ssa.IndexAddr:
		return within(bufferPath(x.X), "[]")
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return within(bufferPath(x.X), "*")
		}
	}
	return ""
}

func within(base, step string) string {
	if base == "" {
		return ""
	}
	return base + step
}

// flushes reports whether a write of site carries data drained from a
// buffer: the data arguments of a client call, or the arguments a
// callee writes, as its summary says.
func (f *flow) flushes(site Site, e Effect) bool {
	if e.Op != Write && e.Op != Send {
		return false
	}
	c := site.Call.Common()
	all := names.Args(c)
	bit := StoreBit(buffer)
	if site.Direct != nil {
		row, _ := knowledge.ExternalCallFor(names.Callee(c))
		for _, i := range dataArgs(c, row.Query) {
			if f.of(all[i]).stores&bit != 0 {
				return true
			}
		}
		return false
	}
	for i, ps := range site.Summary.Params {
		if i < len(all) && ps&StoreBit(e.Store) != 0 && f.of(all[i]).stores&bit != 0 {
			return true
		}
	}
	return false
}

// CallEffects returns, for the checks that read the calls of fn
// themselves, what one call of fn does: the effects of its site, those
// that write data fn drained from an in-process buffer marked as
// flushes, and the effects of the functions the call hands on to run
// (a closure given to a retry helper or a worker queue). ok is false
// when the call does neither.
func (r *Result) CallEffects(fn *ssa.Function) func(ssa.CallInstruction) (Site, []Effect, bool) {
	f := r.flow(fn, func(ssa.CallInstruction) bool { return true }, true)
	return func(call ssa.CallInstruction) (Site, []Effect, bool) {
		site, ok := r.SiteOf(call)
		var out []Effect
		if ok {
			for _, e := range site.Effects() {
				e.Flush = e.Flush || f.flushes(site, e)
				out = append(out, e)
			}
		}
		for _, h := range handedAt(fn, call) {
			out = append(out, r.handedEffects(h, f)...)
		}
		if !ok && len(out) == 0 {
			return Site{}, nil, false
		}
		if !ok {
			site = Site{Call: call, Callee: names.Display(call.Common())}
		}
		return site, out, true
	}
}
