// Package ssautil holds small, pure queries on SSA values and blocks that
// several of statelint's passes ask alike: what a value is once its
// conversions are peeled off, whether two values load the same variable,
// which branch of a dominating if a block lies on.
package ssautil

import (
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"strings"

	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// FieldStores yields the stores into a field of a struct in fn, with the
// field's address: s.store = store, and the fields a composite literal
// sets (&Route{Path: p, Handler: h}).
func FieldStores(fn *ssa.Function) iter.Seq2[*ssa.Store, *ssa.FieldAddr] {
	return func(yield func(*ssa.Store, *ssa.FieldAddr) bool) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && !yield(st, fa) {
					return
				}
			}
		}
	}
}

// UnwrapValue peels interface conversions and type changes off v.
func UnwrapValue(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return v
		}
	}
}

// LiteralElems returns the values stored into a slice written out at a
// call, as a variadic argument is: f(a, b) passes a slice of an array
// whose elements are stored one by one. ok is false for any other value.
func LiteralElems(v ssa.Value) (elems []ssa.Value, ok bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	for _, ref := range *alloc.Referrers() {
		if ia, ok := ref.(*ssa.IndexAddr); ok {
			for _, rr := range *ia.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
					elems = append(elems, st.Val)
				}
			}
		}
	}
	return elems, true
}

// FieldOf returns field i of the struct t or *t points to, or nil.
func FieldOf(t types.Type, i int) *types.Var {
	if st, ok := typeshape.Deref(t).Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i)
	}
	return nil
}

// FieldNamed returns the field called name of the struct t or *t points
// to, or nil. A name with the suffix "[]" (a path below each entry of a
// container field: ".streams[].register") stands for the field's
// element: a variable of the element's type at the field's position.
func FieldNamed(t types.Type, name string) *types.Var {
	if base, ok := strings.CutSuffix(name, "[]"); ok {
		f := FieldNamed(t, base)
		if f == nil {
			return nil
		}
		elem := typeshape.ElemType(f.Type())
		if elem == nil {
			return nil
		}
		return types.NewField(f.Pos(), f.Pkg(), name, elem, false)
	}
	if st, ok := typeshape.Deref(t).Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if f := st.Field(i); f.Name() == name {
				return f
			}
		}
	}
	return nil
}

// SameRef reports whether two values are loads of the same variable or
// field path (s.m loaded twice for s.m[k] = append(s.m[k], v)), or the
// same value.
func SameRef(x, y ssa.Value) bool {
	for depth := 0; depth < 8; depth++ {
		if x == y {
			return true
		}
		switch xv := x.(type) {
		case *ssa.UnOp:
			yv, ok := y.(*ssa.UnOp)
			if !ok || xv.Op != token.MUL || yv.Op != token.MUL {
				return false
			}
			x, y = xv.X, yv.X
		case *ssa.FieldAddr:
			yv, ok := y.(*ssa.FieldAddr)
			if !ok || xv.Field != yv.Field {
				return false
			}
			x, y = xv.X, yv.X
		case *ssa.Field:
			yv, ok := y.(*ssa.Field)
			if !ok || xv.Field != yv.Field {
				return false
			}
			x, y = xv.X, yv.X
		default:
			return false
		}
	}
	return false
}

// BoolConst returns the value of a boolean constant.
func BoolConst(v ssa.Value) (value, ok bool) {
	c, isConst := v.(*ssa.Const)
	if !isConst || c.Value == nil || c.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(c.Value), true
}

// Guarded reports whether block b lies on one branch of an if that
// dominates it: branch picks the successor of each dominating if (or -1
// for none), and b must be reached only through the successor picked.
func Guarded(b *ssa.BasicBlock, branch func(*ssa.If) int) bool {
	for blk := b; blk != nil; blk = blk.Idom() {
		idom := blk.Idom()
		if idom == nil || len(idom.Instrs) == 0 {
			return false
		}
		iff, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if i := branch(iff); i >= 0 && OnlyVia(idom.Succs[i], idom) && idom.Succs[i].Dominates(b) {
			return true
		}
	}
	return false
}

// OnlyVia reports whether block s is entered only from the branch in
// block from: if g != nil { use(g) }; rest continues at rest from both
// sides, so rest does not run only while g is unset.
func OnlyVia(s, from *ssa.BasicBlock) bool {
	return len(s.Preds) == 1 && s.Preds[0] == from
}

// ElementOf returns the container that v is an element of, read by value
// (for _, job := range jobs loads *&jobs[i]; xs[i] of an array), or nil.
func ElementOf(v ssa.Value) ssa.Value {
	switch x := v.(type) {
	case *ssa.UnOp:
		if ia, ok := x.X.(*ssa.IndexAddr); ok && x.Op == token.MUL {
			return ia.X
		}
	case *ssa.Index:
		return x.X
	}
	return nil
}

// ParamIndex returns the position of p among fn's parameters, or -1.
func ParamIndex(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// FreeIndex returns the position of v among fn's free variables, or -1.
func FreeIndex(fn *ssa.Function, v *ssa.FreeVar) int {
	for i, q := range fn.FreeVars {
		if q == v {
			return i
		}
	}
	return -1
}

// Binding is the value that the function making fv's closure binds to
// fv, or nil.
func Binding(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	i := FreeIndex(fn, fv)
	refs := fn.Referrers() // nil for a function no other function makes (a bound method's wrapper)
	if i < 0 || refs == nil {
		return nil
	}
	for _, r := range *refs {
		if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == fn && i < len(mc.Bindings) {
			return mc.Bindings[i]
		}
	}
	return nil
}

// CellValues lists what is stored in a variable's cell: a local whose
// address is taken or that a closure captures by reference.
func CellValues(alloc *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			out = append(out, st.Val)
		}
	}
	return out
}

// Stores yields the store instructions of funcs, in order: where a
// package fills its variables and fields.
func Stores(funcs []*ssa.Function) func(yield func(*ssa.Store) bool) {
	return func(yield func(*ssa.Store) bool) {
		for _, fn := range funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok && !yield(st) {
						return
					}
				}
			}
		}
	}
}
