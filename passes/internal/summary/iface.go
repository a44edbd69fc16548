package summary

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/statelint/statelint/passes/internal/ssabuild"
	"golang.org/x/tools/go/ssa"
)

// invoke resolves an interface method call to the implementations the
// analysis can see and folds in their effects on the receiver, so that a
// handler reaching an in-memory store through a Store interface is seen
// to write it. The candidates are the named types of this package and its
// imports that implement the interface; if this package converts some of
// them to it (main wiring NewServer(newMemStore())), only those; otherwise
// only when the implementation is unique. Ambiguous calls are not followed.
func (a *summarizer) invoke(fn *ssa.Function, instr ssa.CallInstruction, set *effectSet) {
	c := instr.Common()
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 || !a.ownInterface(c.Value.Type()) {
		return
	}
	_, viaGo := instr.(*ssa.Go)
	args := append([]ssa.Value{c.Value}, c.Args...)
	impls := a.implementations(c.Value.Type(), iface)
	if _, located := a.locatorSlot(c.Value); len(impls) == 0 || located {
		// what a locator of another package returns is its package's
		// choice, whatever implementations are in view here
		a.openInvoke(fn, instr, set)
		return
	}
	for _, impl := range impls {
		obj, _, _ := types.LookupFieldOrMethod(impl, true, c.Method.Pkg(), c.Method.Name())
		m, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		sum, sameModule := a.methodSummary(impl, m)
		if sum == nil {
			continue
		}
		implName := types.TypeString(impl, a.qualifier)
		name := "(" + implName + ")." + m.Name()
		hop := Hop{Callee: name, Posn: a.posn(instr.Pos()), pos: instr.Pos()}
		a.rebaseCalls(fn, ImplCalls(sum.Calls, impl), hop, set, argOf(args))
		for _, e := range sum.Effects {
			if e.Root.Kind != Param || e.Root.Index != 0 {
				continue // globals and files of the implementation come through its own calls
			}
			e, ok := a.judge(fn, e, args)
			if !ok {
				continue
			}
			if e.Op == Read && e.Use == UseReturn {
				e.Use = useOf(callResult(instr)) // a getter: the caller decides
			}
			for _, l := range a.prov.Origins(fn, args[0]) {
				if ne, ok := a.rebase(e, l, sameModule); ok {
					ne.Impl = implName
					set.add(prepend(ne, hop, viaGo))
				}
			}
		}
	}
}

// ImplCalls are the open calls of a method of impl, with the slot fixed
// of those made through a field of the receiver: the booking service's
// s.cargos.Store, reached from an endpoint through the Service interface,
// is a call through the cargos field of the service, which main fills.
func ImplCalls(calls []Call, impl types.Type) []Call {
	out := make([]Call, 0, len(calls))
	for _, c := range calls {
		if c.Slot == "" && c.Root.Kind == Param && c.Root.Index == 0 {
			if s, ok := NormalSlot(impl, c.Path); ok {
				c.Slot = s.Key()
			}
		}
		out = append(out, c)
	}
	return out
}

// ownInterface reports whether the interface is declared in the module
// being analysed: state hides behind a service's own Store or Cache, not
// behind error, io.Writer or context.Context, which every package calls.
func (a *summarizer) ownInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return a.prov.ModuleOf(n.Obj().Pkg().Path()) == a.module
}

// methodSummary returns the summary of method m of impl.
func (a *summarizer) methodSummary(impl types.Type, m *types.Func) (*Summary, bool) {
	if m.Pkg() == a.pass.Pkg {
		sel := a.ssaPkg.Prog.MethodSets.MethodSet(impl).Lookup(m.Pkg(), m.Name())
		if sel == nil {
			return nil, false
		}
		if fn := a.ssaPkg.Prog.MethodValue(sel); fn != nil {
			return a.summarize(fn), true
		}
		return nil, false
	}
	sum := a.importedSummary(m.Origin())
	if sum == nil {
		return nil, false
	}
	return sum, a.prov.ModuleOf(m.Pkg().Path()) == a.module
}

// implementations lists the concrete types an interface call may reach.
func (a *summarizer) implementations(it types.Type, iface *types.Interface) []types.Type {
	key := types.TypeString(it, nil)
	if impls, ok := a.impls[key]; ok {
		return impls
	}
	var all []types.Type
	for _, tn := range a.concreteTypes() {
		if funcAdapter(tn.Type()) {
			// an adapter of functions (AllowerFunc) says the interface
			// is for values made elsewhere: calling through it resolves
			// nothing, the call stays open for the wiring
			continue
		}
		if ptr := types.NewPointer(tn.Type()); types.Implements(ptr, iface) {
			all = append(all, ptr)
		} else if types.Implements(tn.Type(), iface) {
			all = append(all, tn.Type())
		}
	}
	var made []types.Type
	for _, t := range all {
		if a.convertedTo(t, it) {
			made = append(made, t)
		}
	}
	var out []types.Type
	switch {
	case len(made) > 0:
		out = made
	case len(all) == 1:
		out = all
	}
	a.impls[key] = out
	return out
}

// concreteTypes lists, once per package, the non-generic named types of
// this package and of the imports in its own module: only their methods
// have summaries (dependency modules are not analysed).
func (a *summarizer) concreteTypes() []*types.TypeName {
	if a.concrete != nil {
		return a.concrete
	}
	a.concrete = []*types.TypeName{}
	prod := ssabuild.ProductionImports(a.pass)
	for _, pkg := range append([]*types.Package{a.pass.Pkg}, a.pass.Pkg.Imports()...) {
		if a.prov.ModuleOf(pkg.Path()) != a.module || pkg != a.pass.Pkg && !prod[pkg.Path()] {
			continue // another module's, or imported by the tests alone (a package of mocks)
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) || a.inTestFile(tn.Pos()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() == 0 {
				a.concrete = append(a.concrete, tn)
			}
		}
	}
	return a.concrete
}

// convertedTo reports whether this package converts a value of type t to
// the interface type it. The conversions are indexed on first use.
func (a *summarizer) convertedTo(t, it types.Type) bool {
	if a.conversions == nil {
		a.conversions = map[[2]string]bool{}
		for fn := range a.allFuncs() {
			if a.inTestFile(fn.Pos()) {
				continue // a test's mocks are not what the program constructs
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if mi, ok := instr.(*ssa.MakeInterface); ok {
						a.conversions[[2]string{types.TypeString(mi.X.Type(), nil), types.TypeString(mi.Type(), nil)}] = true
					}
				}
			}
		}
	}
	return a.conversions[[2]string{types.TypeString(t, nil), types.TypeString(it, nil)}]
}

// qualifier writes package names, and nothing for this package.
func (a *summarizer) qualifier(p *types.Package) string {
	if p == a.pass.Pkg {
		return ""
	}
	return p.Name()
}

// inTestFile reports whether pos lies in a _test.go file.
func (a *summarizer) inTestFile(pos token.Pos) bool {
	return pos.IsValid() && strings.HasSuffix(a.pass.Fset.Position(pos).Filename, "_test.go")
}

// funcAdapter reports whether t is a named function type: an adapter like
// http.HandlerFunc, which lets any function implement the interface.
func funcAdapter(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}
