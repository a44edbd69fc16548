package summary

import (
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/typeshape"
)

// FieldGlobals is the fact of a struct type whose package gives some of
// its fields one package-level variable each, wherever it makes a value
// of the type: inbucket's web.NewContext builds a Context for every
// request with MsgHub: msgHub. The Context is the request's own, but
// what its MsgHub points to is the process's hub, so a handler that takes
// the Context and writes through ctx.MsgHub writes the variable's state.
type FieldGlobals struct {
	Fields []FieldGlobal
}

// A FieldGlobal is one field and the variable it always holds.
type FieldGlobal struct {
	Field string
	Root  Root
}

func (*FieldGlobals) AFact() {}

func (f *FieldGlobals) String() string {
	var parts []string
	for _, fg := range f.Fields {
		parts = append(parts, fg.Field+"="+fg.Root.Pkg+"."+fg.Root.Name)
	}
	return "fields(" + strings.Join(parts, " ") + ")"
}

// fieldGlobals finds, for the struct types declared in this package, the
// fields of reference type (pointer, map, channel) that every store of
// the package fills from one package-level variable, and exports them.
func (a *summarizer) fieldGlobals() map[*types.TypeName]*FieldGlobals {
	type slot struct {
		obj   *types.TypeName
		field string
	}
	roots := map[slot]Root{}
	poisoned := map[slot]bool{}
	for fn := range a.allFuncs() {
		for st, fa := range ssautil.FieldStores(fn) {
			n, ok := types.Unalias(typeshape.Deref(fa.X.Type())).(*types.Named)
			if !ok || n.Obj().Pkg() != a.pass.Pkg {
				continue
			}
			field := n.Underlying().(*types.Struct).Field(fa.Field)
			switch field.Type().Underlying().(type) {
			case *types.Pointer, *types.Map, *types.Chan:
			default:
				continue
			}
			s := slot{n.Obj(), field.Name()}
			if poisoned[s] {
				continue
			}
			root, ok := soleGlobal(a.prov.Origins(fn, st.Val))
			if prev, seen := roots[s]; !ok || seen && prev != root {
				poisoned[s] = true
				delete(roots, s)
				continue
			}
			roots[s] = root
		}
	}
	out := map[*types.TypeName]*FieldGlobals{}
	for s, r := range roots {
		f := out[s.obj]
		if f == nil {
			f = &FieldGlobals{}
			out[s.obj] = f
		}
		f.Fields = append(f.Fields, FieldGlobal{Field: s.field, Root: r})
	}
	for obj, f := range out {
		slices.SortFunc(f.Fields, func(x, y FieldGlobal) int { return strings.Compare(x.Field, y.Field) })
		if obj.Exported() {
			a.pass.ExportObjectFact(obj, f)
		}
	}
	return out
}

// soleGlobal is the package-level variable a value is, when it is one
// and nothing else.
func soleGlobal(locs []provenance.Loc) (Root, bool) {
	if len(locs) != 1 || locs[0].Root.Kind != Global || locs[0].Path != "" || locs[0].Elem {
		return Root{}, false
	}
	return locs[0].Root, true
}

// FieldGlobal rebases a path below a value of type t onto the variable
// its first field always holds (FieldGlobals): ".MsgHub.listeners" below
// a *web.Context is ".listeners" of web.msgHub.
func (r *Result) FieldGlobal(t types.Type, path string) (Root, string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.s == nil || path == "" {
		return Root{}, "", false
	}
	n, ok := types.Unalias(typeshape.Deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return Root{}, "", false
	}
	first, rest, _ := strings.Cut(strings.TrimPrefix(path, "."), ".")
	if rest != "" {
		rest = "." + rest
	}
	var f *FieldGlobals
	if n.Obj().Pkg() == r.s.pass.Pkg {
		f = r.s.fields[n.Obj()]
	} else if fact := new(FieldGlobals); r.s.pass.ImportObjectFact(n.Obj(), fact) {
		f = fact
	}
	if f == nil {
		return Root{}, "", false
	}
	for _, fg := range f.Fields {
		if fg.Field == first {
			return fg.Root, rest, true
		}
	}
	return Root{}, "", false
}
