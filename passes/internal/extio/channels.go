package extio

import (
	"go/token"
	"go/types"

	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// Work handed on over a channel is the sender's work too. A scheduler
// that pushes each due feed into a pool's queue (p.queue <- job) has the
// refreshes the pool's workers make when they receive it: the workers
// are goroutines started on the same channel, a field of a struct of
// the package or a package variable (go worker.Run(pool.queue), a
// literal that ranges over pool.queue, a mail daemon draining a copy of
// the package's Queue). A send on such a channel adds the effects of its
// consumers to the sender's, as a function handed to a worker queue
// does (handedFuncs).

// chanKey names a channel by the field it is kept in (FieldSlot), or ""
// for a channel that is not loaded from a field of a named struct.
func chanKey(v ssa.Value) string {
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X // chan T given as <-chan T
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if g, ok := ld.X.(*ssa.Global); ok && g.Pkg != nil {
			return g.Pkg.Pkg.Path() + "." + g.Name() // a package-level queue
		}
	}
	return FieldSlot(v)
}

// consumers indexes, once per package, the goroutines the package starts
// that receive from a channel kept in a field, by the channel's key.
func (r *Result) consumers() map[string][]*ssa.Function {
	if r.chans != nil {
		return r.chans
	}
	r.chans = map[string][]*ssa.Function{}
	for _, fn := range r.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				g, ok := in.(*ssa.Go)
				if !ok || g.Call.IsInvoke() {
					continue
				}
				callee := goCallee(g.Call.Value)
				if callee == nil || callee.Pkg != r.pkg {
					continue
				}
				keys := map[string]bool{}
				for i, a := range g.Call.Args {
					if k := chanKey(a); k != "" && i < len(callee.Params) && receives(callee.Params[i]) {
						keys[k] = true
					}
				}
				for k := range fieldReceives(callee) {
					keys[k] = true
				}
				if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
					// a literal receiving from a variable it captured,
					// bound to a channel kept in a field or a package
					// variable (queue := Queue; go func() { <-queue }())
					for i, b := range mc.Bindings {
						if i >= len(callee.FreeVars) || !receivesVia(callee.FreeVars[i]) {
							continue
						}
						vals := []ssa.Value{b}
						if cell, ok := b.(*ssa.Alloc); ok {
							vals = ssautil.CellValues(cell) // captured by reference
						}
						for _, v := range vals {
							if k := chanKey(v); k != "" {
								keys[k] = true
							}
						}
					}
				}
				for k := range keys {
					r.chans[k] = append(r.chans[k], callee)
				}
			}
		}
	}
	return r.chans
}

// goCallee is the function a go statement starts: a function, a
// closure, a method value.
func goCallee(v ssa.Value) *ssa.Function {
	switch x := v.(type) {
	case *ssa.Function:
		return x
	case *ssa.MakeClosure:
		fn, _ := x.Fn.(*ssa.Function)
		return fn
	}
	return nil
}

// received yields the channels an instruction receives from: a receive
// (also the one a range over a channel compiles to), or the receiving
// cases of a select.
func received(in ssa.Instruction, yield func(ch ssa.Value)) {
	switch x := in.(type) {
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			yield(x.X)
		}
	case *ssa.Select:
		for _, s := range x.States {
			if s.Dir == types.RecvOnly {
				yield(s.Chan)
			}
		}
	}
}

// receives reports whether its function receives from ch.
func receives(ch ssa.Value) bool {
	found := false
	for _, ref := range *ch.Referrers() {
		received(ref, func(c ssa.Value) { found = found || c == ch })
	}
	return found
}

// receivesVia reports whether its function receives from a captured variable: from
// the value, or from what its cell holds.
func receivesVia(fv *ssa.FreeVar) bool {
	if receives(fv) {
		return true
	}
	for _, ref := range *fv.Referrers() {
		if ld, ok := ref.(*ssa.UnOp); ok && ld.Op == token.MUL && receives(ld) {
			return true
		}
	}
	return false
}

// fieldReceives are the keys of the channels kept in fields that fn
// receives from itself (a literal ranging over pool.queue).
func fieldReceives(fn *ssa.Function) map[string]bool {
	out := map[string]bool{}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			received(in, func(ch ssa.Value) {
				if k := chanKey(ch); k != "" {
					out[k] = true
				}
			})
		}
	}
	return out
}

// sentTo are the consumers of the channels fn sends on.
func (r *Result) sentTo(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	add := func(ch ssa.Value) {
		k := chanKey(ch)
		if k == "" {
			return
		}
		for _, g := range r.consumers()[k] {
			if g != fn {
				out = append(out, g)
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch x := in.(type) {
			case *ssa.Send:
				add(x.Chan)
			case *ssa.Select:
				for _, s := range x.States {
					if s.Dir == types.SendOnly {
						add(s.Chan)
					}
				}
			}
		}
	}
	return out
}

// SendEffects are the effects of the goroutines that receive what a send
// on ch hands them, with the receiving function in their chain.
func (r *Result) SendEffects(fn *ssa.Function, ch ssa.Value) []Effect {
	var out []Effect
	for _, g := range r.consumers()[chanKey(ch)] {
		if g != fn {
			out = append(out, r.handedEffects(handed{fn: g}, nil)...)
		}
	}
	return out
}
