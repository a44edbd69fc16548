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
			if isInitFunc(fn) {
				continue
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if fa, ok := instr.(*ssa.FieldAddr); ok && !onlyRead(fa) {
						if _, made := fa.X.(*ssa.Alloc); !made { // not filling a struct made here
							a.reset[ssautil.FieldOf(fa.X.Type(), fa.Field)] = true
						}
					}
				}
			}
		}
	}
	return !a.reset[f]
}

// onlyRead reports whether a field's address is only loaded from: not
// stored to, nor handed on.
func onlyRead(fa *ssa.FieldAddr) bool {
	for _, r := range *fa.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
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
