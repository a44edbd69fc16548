package provenance

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// A Loc is where a value comes from: a root, the field path below it, and
// the type of the state at that path. Once the trace passes through an
// element of a container (a map value, a slice element) the container is
// the state, so later field selections no longer extend the path.
type Loc struct {
	Root Root
	Path string
	Type types.Type
	Elem bool
}

// Origins traces v back to the roots it may alias: globals, parameters and
// free variables. Values made in the function (allocations, call results,
// literals) are per-call and have no origin.
func (a *Tracer) Origins(fn *ssa.Function, v ssa.Value) []Loc {
	return a.originsFrom(fn, v, 0)
}

// maxTrace bounds the depth of one trace, across the getters it looks
// into; maxSteps bounds its work, whatever shape the code has.
const (
	maxTrace = 24
	maxSteps = 10000
)

func (a *Tracer) originsFrom(fn *ssa.Function, v ssa.Value, start int) []Loc {
	// memo holds the origins of the values that fan out (φ-nodes, loads
	// of cells and of fields of local structs), so that a function with
	// many such values, stored into each other, is traced in linear time.
	// A value being traced is nil in memo: values cycle only through these.
	var memo map[ssa.Value][]Loc
	var walk func(v ssa.Value, depth int) []Loc
	fanout := func(v ssa.Value, depth int, trace func() []Loc) []Loc {
		if out, ok := memo[v]; ok {
			return out
		}
		if memo == nil {
			memo = map[ssa.Value][]Loc{}
		}
		memo[v] = nil
		out := uniqueLocs(trace())
		memo[v] = out
		return out
	}
	steps := 0
	walk = func(v ssa.Value, depth int) []Loc {
		if steps++; depth > maxTrace || steps > maxSteps {
			return nil
		}
		switch v := v.(type) {
		case *ssa.Global:
			return []Loc{{Root: a.GlobalRoot(v), Type: typeshape.Deref(v.Type())}}
		case *ssa.Parameter:
			return []Loc{{Root: Root{Kind: Param, Index: ssautil.ParamIndex(fn, v), Name: v.Name()}, Type: v.Type()}}
		case *ssa.FreeVar:
			return []Loc{{Root: Root{Kind: Free, Index: ssautil.FreeIndex(fn, v), Name: v.Name()}, Type: typeshape.Deref(v.Type())}}
		case *ssa.FieldAddr:
			return field(walk(v.X, depth+1), ssautil.FieldOf(v.X.Type(), v.Field))
		case *ssa.Field:
			return field(walk(v.X, depth+1), ssautil.FieldOf(v.X.Type(), v.Field))
		case *ssa.IndexAddr:
			return element(walk(v.X, depth+1))
		case *ssa.Index:
			return element(walk(v.X, depth+1))
		case *ssa.Lookup:
			return element(walk(v.X, depth+1))
		case *ssa.UnOp:
			if v.Op != token.MUL {
				break
			}
			if fa, ok := v.X.(*ssa.FieldAddr); ok {
				if alloc, ok := fa.X.(*ssa.Alloc); ok {
					return fanout(v, depth, func() []Loc { return a.storedField(alloc, fa.Field, walk, depth) })
				}
			}
			if alloc, ok := v.X.(*ssa.Alloc); ok {
				return fanout(alloc, depth, func() []Loc { return cellContents(alloc, walk, depth) })
			}
			return walk(v.X, depth+1)
		case *ssa.Slice:
			return walk(v.X, depth+1)
		case *ssa.ChangeType:
			return walk(v.X, depth+1)
		case *ssa.Convert:
			// string([]byte), []byte(string) and numeric conversions copy;
			// only unsafe.Pointer conversions alias.
			if isUnsafePointer(v.Type()) || isUnsafePointer(v.X.Type()) {
				return walk(v.X, depth+1)
			}
		case *ssa.MakeInterface:
			return walk(v.X, depth+1)
		case *ssa.ChangeInterface:
			return walk(v.X, depth+1)
		case *ssa.TypeAssert:
			return walk(v.X, depth+1)
		case *ssa.SliceToArrayPointer:
			return walk(v.X, depth+1)
		case *ssa.Extract:
			if next, ok := v.Tuple.(*ssa.Next); ok {
				// for _, topic := range topics: the value is an entry of
				// the map ranged over (a key, or a rune, is a copy)
				if rng, ok := next.Iter.(*ssa.Range); ok && v.Index == 2 && !next.IsString {
					return element(walk(rng.X, depth+1))
				}
				return nil
			}
			if _, ok := v.Tuple.(*ssa.Call); ok && v.Index != 0 {
				return nil // the flag or the error of a lookup
			}
			return walk(v.Tuple, depth+1)
		case *ssa.Phi:
			return fanout(v, depth, func() []Loc {
				var out []Loc
				for _, e := range v.Edges {
					out = append(out, walk(e, depth+1)...)
				}
				return out
			})
		case *ssa.Call:
			return a.returnOrigins(v, walk, depth)
		}
		return nil
	}
	return walk(v, start)
}

// maxLocs bounds the aliases of one value: beyond it, a value merged from
// that many places is not one piece of state.
const maxLocs = 32

// uniqueLocs drops repeated locations, keeping the first of each.
func uniqueLocs(in []Loc) []Loc {
	if len(in) < 2 {
		return in
	}
	out := in[:0:0]
	for _, l := range in {
		if !slices.Contains(out, l) {
			out = append(out, l)
			if len(out) == maxLocs {
				break
			}
		}
	}
	return out
}

// cellContents traces a load from a variable cell (a local captured by a
// closure or whose address is taken) to the values stored into it, when
// they are references: the cell then aliases what they point to. A struct
// or number copied into a local is the local's own.
func cellContents(alloc *ssa.Alloc, walk func(ssa.Value, int) []Loc, depth int) []Loc {
	if !IsReference(typeshape.Deref(alloc.Type())) {
		return nil
	}
	var out []Loc
	for _, r := range *alloc.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
			out = append(out, walk(st.Val, depth+1)...)
		}
	}
	return out
}

func isUnsafePointer(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.UnsafePointer
}

// IsReference reports whether a value of type t shares what it refers to
// with the variable it was read from: a pointer, map, slice, channel or
// interface.
func IsReference(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Interface:
		return true
	}
	return false
}

// storedField traces a field of a struct allocated in this function back
// to what was stored in it: client := &Client{hub: hub}; client.hub is hub.
// A whole struct stored into it (a value receiver spilled to its cell,
// *t0 = h) brings its reference fields along: h.hub is the hub the
// caller's value points to.
func (a *Tracer) storedField(alloc *ssa.Alloc, index int, walk func(ssa.Value, int) []Loc, depth int) []Loc {
	f := ssautil.FieldOf(alloc.Type(), index)
	if f == nil || !IsReference(f.Type()) {
		return nil // a copied value is the struct's own
	}
	var out []Loc
	for _, ref := range *alloc.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == alloc {
			out = append(out, field(walk(st.Val, depth+1), f)...)
			continue
		}
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != index {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				out = append(out, walk(st.Val, depth+1)...)
			}
		}
	}
	return out
}

// returnOrigins traces the result of a call to a method or function that
// returns part of its receiver or arguments (a getter), or a global.
func (a *Tracer) returnOrigins(call *ssa.Call, walk func(ssa.Value, int) []Loc, depth int) []Loc {
	callee := call.Call.StaticCallee()
	if callee != nil && callee.Origin() != nil && (callee.Pkg != a.pkg || len(callee.Blocks) == 0) {
		callee = callee.Origin() // a generic getter: its body says what it returns
	}
	if callee == nil {
		return nil
	}
	var locs []Loc
	switch {
	case callee.Pkg == a.pkg && len(callee.Blocks) > 0:
		locs = a.returned(callee)
	case a.Imported != nil:
		locs = a.Imported(callee) // a getter of another package, by its fact
	}
	var out []Loc
	args := map[int][]Loc{} // each argument traced once, however many returns use it
	for _, l := range locs {
		switch l.Root.Kind {
		case Global:
			out = append(out, l)
		case Param:
			i := l.Root.Index
			if i < 0 || i >= len(call.Call.Args) {
				continue
			}
			if _, ok := args[i]; !ok {
				args[i] = walk(call.Call.Args[i], depth+1)
			}
			out = append(out, join(args[i], l)...)
		}
	}
	return out
}

// Returned is what fn's first result may alias, in fn's own terms
// (globals and parameters), when its other results are flags or errors
// (a comma-ok lookup): what a summary tells importers a getter returns.
func (a *Tracer) Returned(fn *ssa.Function) []Loc { return a.returned(fn) }

// returned is Returned, memoised. A recursive getter sees nothing for its
// own calls.
func (a *Tracer) returned(fn *ssa.Function) []Loc {
	if out, ok := a.returns[fn]; ok {
		return out
	}
	a.returns[fn] = nil
	if !getterResults(fn.Signature.Results()) {
		return nil
	}
	var out []Loc
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		for _, l := range a.Origins(fn, ret.Results[0]) {
			if l.Root.Kind == Global || l.Root.Kind == Param {
				out = append(out, l)
			}
		}
	}
	out = uniqueLocs(out)
	a.returns[fn] = out
	return out
}

// getterResults reports whether a function's results are one value, and
// perhaps a flag and an error after it: what a lookup returns.
func getterResults(res *types.Tuple) bool {
	if res.Len() == 0 {
		return false
	}
	for i := 1; i < res.Len(); i++ {
		t := res.At(i).Type()
		if !isError(t) && !types.Identical(t.Underlying(), types.Typ[types.Bool]) {
			return false
		}
	}
	return true
}

// join appends the path of inner below each of outer.
func join(outer []Loc, inner Loc) []Loc {
	out := make([]Loc, 0, len(outer))
	for _, o := range outer {
		if !o.Elem {
			o.Path += inner.Path
			o.Type = inner.Type
			o.Elem = inner.Elem
		}
		out = append(out, o)
	}
	return out
}

// field extends each location's path by f. An embedded field is the
// outer value itself (its methods are promoted), so it extends nothing.
func field(in []Loc, f *types.Var) []Loc {
	if f == nil || f.Embedded() {
		return in
	}
	out := make([]Loc, 0, len(in))
	for _, l := range in {
		switch {
		case !l.Elem:
			l.Path += "." + f.Name()
			l.Type = f.Type()
		case ElemChan(l, "."+f.Name()):
			l.Path += "[]." + f.Name()
			l.Type, l.Elem = f.Type(), false
		}
		out = append(out, l)
	}
	return out
}

// ElemChan reports whether a field (path, one selection below an element
// of the container at l) is a channel of data, state of its own: the
// channel each entry of a table keeps (each stream's register channel),
// whose receivers say what a send on it does (a loop that keeps the
// subscriber, or one that only relays the message). A channel that only
// signals (closed on release) is part of its entry; so is any other
// selection below an element, and anything below a second element.
func ElemChan(l Loc, path string) bool {
	name, ok := strings.CutPrefix(path, ".")
	if !ok || !l.Elem || strings.Contains(name, ".") || strings.Contains(l.Path, "[]") || l.Type == nil {
		return false
	}
	elem := typeshape.ElemType(l.Type)
	if elem == nil {
		return false
	}
	f := ssautil.FieldNamed(elem, name)
	if f == nil {
		return false
	}
	ch, ok := f.Type().Underlying().(*types.Chan)
	return ok && !typeshape.Signal(ch.Elem())
}

func element(in []Loc) []Loc {
	out := make([]Loc, 0, len(in))
	for _, l := range in {
		l.Elem = true
		out = append(out, l)
	}
	return out
}

// CellOrigins traces what the values stored into a variable cell of fn
// may alias, when they are references: what a closure captures by
// reference.
func (a *Tracer) CellOrigins(fn *ssa.Function, alloc *ssa.Alloc) []Loc {
	return cellContents(alloc, func(v ssa.Value, _ int) []Loc { return a.Origins(fn, v) }, 0)
}

// FieldOrigins traces what was stored in field i of a struct fn
// allocates: client := &Client{hub: hub}; client.hub is hub.
func (a *Tracer) FieldOrigins(fn *ssa.Function, alloc *ssa.Alloc, i int) []Loc {
	return a.storedField(alloc, i, func(v ssa.Value, _ int) []Loc { return a.Origins(fn, v) }, 0)
}
