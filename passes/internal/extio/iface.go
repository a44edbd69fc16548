package extio

import (
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/passes/internal/ssabuild"
	"golang.org/x/tools/go/ssa"
)

// Calls through an interface of the analysed module (a Store, a
// Repository, an AlertProvider) are resolved to the methods of the
// concrete types that implement it in this package and the packages it
// imports from the same module: a service's scheduler calls its store
// through an interface whose implementations a composition root wires in,
// and the effects of those implementations are the effects of the call.
// The union errs towards an effect: one implementation that writes the
// database makes the call a write.

// invokeSummary is the union of the summaries of the implementations of
// the interface method an invoke call names, or nil when the interface
// is not the module's own or nothing implements it.
func (r *Result) invokeSummary(c *ssa.CallCommon) *Summary {
	m := c.Method
	if m == nil || m.Pkg() == nil || !r.inModule(m.Pkg().Path()) {
		return nil
	}
	if s, ok := r.ifaces[m]; ok {
		return s
	}
	r.ifaces[m] = nil // an implementation that calls back through the interface adds nothing new
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var s *Summary
	for _, impl := range r.implementations(iface, m) {
		sum := r.ofObj(impl)
		if sum == nil || sum.empty() {
			continue
		}
		if s == nil {
			s = new(Summary)
		}
		s.union(sum)
	}
	r.ifaces[m] = s
	return s
}

// union adds what t says to s.
func (s *Summary) union(t *Summary) {
	for _, e := range t.Effects {
		s.add(e)
	}
	s.Returns |= t.Returns
	// Implementations that build different statements (one per dialect)
	// stand for the one the store checks least.
	if t.SQL != "" && (s.SQL == "" || parseSQL(t.SQL).checks() < parseSQL(s.SQL).checks()) {
		s.SQL = t.SQL
	}
	for i, p := range t.Params {
		for len(s.Params) <= i {
			s.Params = append(s.Params, 0)
		}
		s.Params[i] |= p
	}
}

// ofObj is the summary of a method given by its object: computed for
// this package, imported for the others.
func (r *Result) ofObj(obj *types.Func) *Summary {
	if obj.Pkg() == r.pass.Pkg {
		fn := r.pkg.Prog.FuncValue(obj)
		if fn == nil {
			return nil
		}
		return r.Of(fn)
	}
	s := new(Summary)
	if !r.pass.ImportObjectFact(obj, s) {
		return nil
	}
	return s.load()
}

// implementations are the methods named like m of the concrete types,
// declared in this module, that implement iface.
func (r *Result) implementations(iface *types.Interface, m *types.Func) []*types.Func {
	if r.byMethod == nil {
		r.byMethod = r.indexMethods()
	}
	var out []*types.Func
	for _, tn := range r.byMethod[m.Name()] {
		t := tn.Type()
		if !types.Implements(t, iface) {
			t = types.NewPointer(t)
			if !types.Implements(t, iface) {
				continue
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(t, false, m.Pkg(), m.Name())
		if f, ok := obj.(*types.Func); ok {
			out = append(out, f)
		}
	}
	// Drivers list a package's imports in different orders: sort, so
	// that the union, and the chain a finding shows, are the same.
	slices.SortFunc(out, func(a, b *types.Func) int { return strings.Compare(a.FullName(), b.FullName()) })
	return out
}

// indexMethods lists, once per package, the concrete named types of the
// module's packages in reach by the names of their methods.
func (r *Result) indexMethods() map[string][]*types.TypeName {
	out := map[string][]*types.TypeName{}
	seen := map[*types.Package]bool{}
	prod := ssabuild.ProductionImports(r.pass)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || !r.inModule(p.Path()) {
			return
		}
		if p != r.pass.Pkg && slices.Contains(r.pass.Pkg.Imports(), p) && !prod[p.Path()] {
			return // imported by the tests alone (a package of mocks)
		}
		seen[p] = true
		scope := p.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
				continue
			}
			ms := types.NewMethodSet(types.NewPointer(named))
			for i := 0; i < ms.Len(); i++ {
				n := ms.At(i).Obj().Name()
				out[n] = append(out[n], tn)
			}
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(r.pass.Pkg)
	return out
}

// inModule reports whether a package belongs to the module analysed: its
// path is within the module's, or, where the driver knows no module (a
// GOPATH tree), it shares the first element of the analysed package's
// path.
func (r *Result) inModule(path string) bool {
	if mod := r.pass.Module; mod != nil && mod.Path != "" {
		return path == mod.Path || strings.HasPrefix(path, mod.Path+"/")
	}
	first, _, _ := strings.Cut(path, "/")
	root, _, _ := strings.Cut(r.pass.Pkg.Path(), "/")
	return first == root
}
