package summary

import (
	"go/types"

	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// transientFlag reports whether the boolean at state, written by fn, is
// a guard of work in flight: the function that runs the work raises it
// and lowers it again after the raise, itself or in a goroutine or
// deferred function it starts there (if !pending.CompareAndSwap(false,
// true) { return }; go func() { ...; pending.Store(false) }(): mailpit's
// one pending broadcast). Between two runs it is always false, so it
// keeps nothing a later request could see; each replica guards its own
// work. A toggle, which raises on one branch and lowers on the other,
// and a flag one handler raises and another lowers, stay state.
func (a *summarizer) transientFlag(fn *ssa.Function, state ssa.Value) bool {
	root := fn
	for root.Parent() != nil {
		if _, ok := launch(root); !ok {
			break
		}
		root = root.Parent()
	}
	target, ok := a.canonLoc(fn, state)
	if !ok {
		return false
	}
	type site struct {
		b *ssa.BasicBlock
		i int
	}
	var raises, lowers []site
	var scan func(f *ssa.Function, in *ssa.BasicBlock, idx, depth int)
	scan = func(f *ssa.Function, in *ssa.BasicBlock, idx, depth int) {
		if depth > 2 {
			return
		}
		for _, b := range f.Blocks {
			for i, instr := range b.Instrs {
				where := site{b, i}
				if f != root {
					where = site{in, idx}
				}
				if addr, val, ok := flagWrite(instr); ok {
					if l, ok := a.canonLoc(f, addr); ok && l.Root == target.Root && l.Path == target.Path {
						if val {
							raises = append(raises, where)
						} else {
							lowers = append(lowers, where)
						}
					}
				}
				if lit := launched(instr); lit != nil {
					scan(lit, where.b, where.i, depth+1)
				}
			}
		}
	}
	scan(root, nil, 0, 0)
	for _, r := range raises {
		for _, l := range lowers {
			if r.b == l.b && r.i < l.i || r.b != l.b && r.b.Dominates(l.b) {
				return true
			}
		}
	}
	return false
}

// launched is the literal a go or defer statement starts, or nil.
func launched(instr ssa.Instruction) *ssa.Function {
	switch v := startedValue(instr).(type) {
	case *ssa.MakeClosure:
		return v.Fn.(*ssa.Function)
	case *ssa.Function:
		if v.Parent() != nil {
			return v // a literal that captures nothing
		}
	}
	return nil
}

// startedValue is the function value a go or defer statement starts, or
// nil.
func startedValue(instr ssa.Instruction) ssa.Value {
	switch x := instr.(type) {
	case *ssa.Go:
		return x.Call.Value
	case *ssa.Defer:
		return x.Call.Value
	}
	return nil
}

// launch is the go or defer statement of fn's parent that starts fn, a
// literal: the closure it makes (nil when fn captures nothing) and
// whether there is one.
func launch(fn *ssa.Function) (*ssa.MakeClosure, bool) {
	for _, b := range fn.Parent().Blocks {
		for _, instr := range b.Instrs {
			if launched(instr) == fn {
				mc, _ := startedValue(instr).(*ssa.MakeClosure)
				return mc, true
			}
		}
	}
	return nil, false
}

// canonLoc is the one location v is, seen from the outermost function
// that started fn: a variable a literal captures is what its maker bound.
func (a *summarizer) canonLoc(fn *ssa.Function, v ssa.Value) (provenance.Loc, bool) {
	locs := a.prov.Origins(fn, v)
	if len(locs) != 1 {
		return provenance.Loc{}, false
	}
	l := locs[0]
	for l.Root.Kind == Free && fn.Parent() != nil {
		mc, _ := launch(fn)
		if mc == nil || l.Root.Index >= len(mc.Bindings) {
			return provenance.Loc{}, false
		}
		outer := a.prov.Origins(fn.Parent(), mc.Bindings[l.Root.Index])
		if len(outer) != 1 {
			return provenance.Loc{}, false
		}
		l = provenance.Loc{Root: outer[0].Root, Path: outer[0].Path + l.Path, Type: l.Type, Elem: l.Elem}
		fn = fn.Parent()
	}
	return l, true
}

// flagWrite matches a write of a constant to a boolean: a store of true
// or false, or an atomic.Bool's Store, Swap or CompareAndSwap, with the
// value it leaves there.
func flagWrite(instr ssa.Instruction) (addr ssa.Value, val, ok bool) {
	switch x := instr.(type) {
	case *ssa.Store:
		if b, isConst := ssautil.BoolConst(x.Val); isConst {
			return x.Addr, b, true
		}
	case ssa.CallInstruction:
		c := x.Common()
		args := names.Args(c)
		switch names.Callee(c) {
		case "sync/atomic.Bool.Store", "sync/atomic.Bool.Swap":
			if len(args) == 2 {
				b, isConst := ssautil.BoolConst(args[1])
				return args[0], b, isConst
			}
		case "sync/atomic.Bool.CompareAndSwap":
			if len(args) == 3 {
				b, isConst := ssautil.BoolConst(args[2])
				return args[0], b, isConst
			}
		}
	}
	return nil, false, false
}

// isBool reports whether addr points to a boolean or an atomic.Bool.
func isBool(addr ssa.Value) bool {
	p, ok := addr.Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	if b, ok := p.Elem().Underlying().(*types.Basic); ok {
		return b.Info()&types.IsBoolean != 0
	}
	return names.TypeName(p.Elem()) == "sync/atomic.Bool"
}
