package provenance

import (
	"go/token"
	"go/types"

	"github.com/statelint/statelint/internal/scope"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/ssa"
)

// settledField reports whether v loads a field that this package sets
// only where the struct is made (a composite literal, a constructor
// filling what it allocated, an initialiser) and whose type holds no
// mutable data of its own: a number, a string, a function, or an
// interface of the standard library such as context.Context. Its value
// was fixed when the long-lived value was built at startup, the same on
// every replica: configuration (a manager's base context, a name, a
// limit), not state a request changed.
func (a *Tracer) settledField(v *ssa.UnOp) bool {
	if v.Op != token.MUL {
		return false
	}
	fa, ok := v.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	f := ssautil.FieldOf(fa.X.Type(), fa.Field)
	if f == nil || f.Pkg() != a.pkg.Pkg || !settledType(f.Type()) {
		return false
	}
	if a.reset == nil {
		a.reset = map[*types.Var]bool{}
		for _, fn := range a.funcs {
			initialiser := isInitFunc(fn)
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					fa, ok := instr.(*ssa.FieldAddr)
					if !ok || initialiser {
						continue
					}
					if _, made := fa.X.(*ssa.Alloc); made {
						continue // filling a struct made here
					}
					for _, r := range *fa.Referrers() {
						if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL {
							continue
						}
						if _, ok := r.(*ssa.DebugRef); ok {
							continue
						}
						if g := ssautil.FieldOf(fa.X.Type(), fa.Field); g != nil {
							a.reset[g] = true // stored to, or its address handed on
						}
					}
				}
			}
		}
	}
	return !a.reset[f]
}

// settledType reports whether a value of t, once stored, holds nothing a
// later call can change: basic values, functions, and the standard
// library's interfaces (a context, an error).
func settledType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic, *types.Signature:
		return true
	case *types.Interface:
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Pkg() != nil && scope.IsStd(n.Obj().Pkg().Path()) && u.NumMethods() > 0
	}
	return false
}
