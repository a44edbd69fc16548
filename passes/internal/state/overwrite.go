package state

import (
	"go/types"
	"strconv"
	"strings"

	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/ssa"
)

// maxLeaves bounds the scalar fields of a variable overwrittenFirst
// follows; a larger one stays state.
const maxLeaves = 64

// overwrittenFirst reports whether st lies in a package-level variable
// that carries nothing from one request to the next: a scratch value
// (fiber's monitor fills every field of its stats under a mutex, then
// encodes them). The package sees every use of the variable when it is
// unexported, or declared in a main package; its value is made of scalar
// fields only; its address is kept nowhere else; something reads it;
// and in every function but the package's initialisers, which only set
// the startup value, every read (a load, the value or its address handed
// to a call, returned, converted) is dominated by stores that overwrite
// each of its scalar fields. A field left out, a function that reads
// without writing (another handler), a read before the write (n++) keep
// it state.
func (a *finder) overwrittenFirst(st *State) bool {
	if st.rootKind != summary.Global || st.root == nil {
		return false // another package's, or no variable of this one
	}
	root := strings.TrimSuffix(st.Key, st.path)
	g := a.ssaPkg.Var(root[strings.LastIndex(root, ".")+1:])
	if g == nil {
		return false
	}
	if a.fresh == nil {
		a.fresh = map[*ssa.Global]bool{}
	}
	fresh, seen := a.fresh[g]
	if !seen {
		fresh = a.scratch(g)
		a.fresh[g] = fresh
	}
	return fresh
}

// scratch decides overwrittenFirst for one variable.
func (a *finder) scratch(g *ssa.Global) bool {
	if g.Object() == nil || g.Object().Exported() && a.pass.Pkg.Name() != "main" {
		return false // other packages may read it
	}
	elem := g.Type().(*types.Pointer).Elem()
	ptr, isPtr := elem.Underlying().(*types.Pointer)
	if isPtr {
		elem = ptr.Elem() // var data = &stats{}: its storage is what data points to
	}
	var leaves []string
	if !scalarLeaves(elem, "", &leaves) {
		return false
	}
	read := false
	for _, fn := range a.funcs {
		var acc []access
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if !usesOf(g, isPtr, instr, startup(fn), &acc) {
					return false
				}
			}
		}
		if startup(fn) {
			continue
		}
		for _, r := range acc {
			if r.store {
				continue
			}
			if !overwritten(r.instr, acc, leaves) {
				return false
			}
			read = true
		}
	}
	return read
}

// startup reports whether fn is a package initialiser itself: the
// literals it makes may be handlers.
func startup(fn *ssa.Function) bool {
	return fn.Parent() == nil && (fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#"))
}

// usesOf adds the accesses instr makes to the storage of g, false when
// it lets the storage escape: its address stored or captured, or a
// pointer variable pointed elsewhere after startup.
func usesOf(g *ssa.Global, isPtr bool, instr ssa.Instruction, atStartup bool, acc *[]access) bool {
	var ops [8]*ssa.Value
	for _, op := range instr.Operands(ops[:0]) {
		if *op != g {
			continue
		}
		if !isPtr {
			if !accessIn(instr, g, "", acc) {
				return false
			}
			continue
		}
		switch instr := instr.(type) {
		case *ssa.UnOp: // the pointer loaded: follow what it points to
			if !accesses(instr, "", acc) {
				return false
			}
		case *ssa.Store:
			if instr.Val == g || !atStartup {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false // &data handed on: it may be pointed elsewhere
		}
	}
	return true
}

// An access is one use of a variable's storage: a store of the fields at
// path (a field path of indexes, ".0.2"), or a read.
type access struct {
	instr ssa.Instruction
	path  string
	store bool
}

// accesses adds the uses of addr, the address of the storage at path.
func accesses(addr ssa.Value, path string, acc *[]access) bool {
	for _, r := range *addr.Referrers() {
		if !accessIn(r, addr, path, acc) {
			return false
		}
	}
	return true
}

// accessIn adds what instruction r does with addr: a field's address
// followed, a store, or a read; false when addr escapes.
func accessIn(r ssa.Instruction, addr ssa.Value, path string, acc *[]access) bool {
	switch r := r.(type) {
	case *ssa.FieldAddr:
		return accesses(r, path+"."+strconv.Itoa(r.Field), acc)
	case *ssa.Store:
		if r.Val == addr {
			return false
		}
		*acc = append(*acc, access{instr: r, path: path, store: true})
		return true
	case *ssa.UnOp: // a load: a copy of the value
		*acc = append(*acc, access{instr: r, path: path})
		return true
	case *ssa.DebugRef:
		return true
	case *ssa.MakeClosure, *ssa.Phi:
		return false
	}
	if v, ok := r.(ssa.Value); ok && kept(v) {
		return false // any(data) stored: read through it elsewhere
	}
	*acc = append(*acc, access{instr: r, path: path})
	return true
}

// kept reports whether a value made from the storage's address is
// stored or captured.
func kept(v ssa.Value) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == v {
				return true
			}
		case *ssa.MakeClosure, *ssa.Phi:
			return true
		}
	}
	return false
}

// overwritten reports whether stores among acc, of one function,
// dominate read and cover every leaf.
func overwritten(read ssa.Instruction, acc []access, leaves []string) bool {
	for _, leaf := range leaves {
		covered := false
		for _, w := range acc {
			if w.store && (leaf == w.path || strings.HasPrefix(leaf, w.path+".")) && dominates(w.instr, read) {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// dominates reports whether x runs before y on every path to y.
func dominates(x, y ssa.Instruction) bool {
	if x.Block() != y.Block() {
		return x.Block().Dominates(y.Block())
	}
	for _, instr := range x.Block().Instrs {
		switch instr {
		case x:
			return true
		case y:
			return false
		}
	}
	return false
}

// scalarLeaves adds the field paths of t's scalar fields to out, false
// when t holds anything else (a map, slice, array, channel, pointer,
// interface: more than an assignment replaces) or too many.
func scalarLeaves(t types.Type, path string, out *[]string) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		*out = append(*out, path)
		return u.Kind() != types.UnsafePointer && len(*out) <= maxLeaves
	case *types.Struct:
		for i := range u.NumFields() {
			if !scalarLeaves(u.Field(i).Type(), path+"."+strconv.Itoa(i), out) {
				return false
			}
		}
		return true
	}
	return false
}
