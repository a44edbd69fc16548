package summary

import (
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"golang.org/x/tools/go/ssa"
)

// returns is what of its parameters fn hands out as its first result, for
// importers: an entry of the receiver's table, or a field it points to.
// A result that is a whole parameter (a builder's return b) or a copy (a
// struct returned by value) makes nothing of the caller's long-lived.
func (a *summarizer) returns(fn *ssa.Function) []Return {
	res := fn.Signature.Results()
	// an interface result is left out: what implements it is the
	// importer's to resolve, not a part of the parameters
	if res.Len() == 0 || types.IsInterface(res.At(0).Type()) || !provenance.IsReference(res.At(0).Type()) {
		return nil
	}
	var out []Return
	for _, l := range a.prov.Returned(fn) {
		if l.Root.Kind != Param || (l.Path == "" && !l.Elem) {
			continue
		}
		r := Return{Param: l.Root.Index, Path: l.Path, Elem: l.Elem}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
		if len(out) == maxReturns {
			break
		}
	}
	return out
}

// importedReturns is what a function of another package returns of its
// parameters, by its fact, as the provenance tracer's locations.
func (a *summarizer) importedReturns(callee *ssa.Function) []provenance.Loc {
	obj, _ := callee.Object().(*types.Func)
	if callee.Origin() != nil {
		obj, _ = callee.Origin().Object().(*types.Func)
	}
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	sum := a.importedSummary(obj.Origin())
	if sum == nil || len(sum.Returns) == 0 {
		return nil
	}
	sig := callee.Signature
	out := make([]provenance.Loc, 0, len(sum.Returns))
	for _, r := range sum.Returns {
		t := paramType(sig, r.Param)
		if t == nil {
			continue
		}
		out = append(out, provenance.Loc{
			Root: Root{Kind: Param, Index: r.Param},
			Path: r.Path,
			Type: typeAtPath(t, r.Path, obj.Pkg()),
			Elem: r.Elem,
		})
	}
	return out
}

// paramType is the type of parameter i of sig, counting the receiver first.
func paramType(sig *types.Signature, i int) types.Type {
	if recv := sig.Recv(); recv != nil {
		if i == 0 {
			return recv.Type()
		}
		i--
	}
	if i < 0 || i >= sig.Params().Len() {
		return nil
	}
	return sig.Params().At(i).Type()
}

// typeAtPath is the type of the field path (".cfg.endpoints", with "[]"
// after a container whose entries the path goes on into) below a value of
// type t; nil when a step is not a field. An unexported field is looked
// up in pkg, or, when pkg is nil, in the package of the type it is a
// field of.
func typeAtPath(t types.Type, path string, pkg *types.Package) types.Type {
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		if name == "" || t == nil {
			break
		}
		base, elem := strings.CutSuffix(name, "[]")
		p := pkg
		if n, ok := types.Unalias(typeshape.Deref(t)).(*types.Named); ok && p == nil {
			p = n.Obj().Pkg()
		}
		f, _, _ := types.LookupFieldOrMethod(t, true, p, base)
		v, ok := f.(*types.Var)
		if !ok {
			return nil
		}
		t = v.Type()
		if elem {
			t = typeshape.ElemType(t)
		}
	}
	return t
}
