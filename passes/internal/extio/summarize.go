package extio

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// summarize computes the summary of a function of this package.
func (r *Result) summarize(fn *ssa.Function) *Summary {
	s := new(Summary)
	var sites []Site
	for _, call := range calls(fn) {
		if _, ok := call.(*ssa.Go); ok {
			continue // runs beside the caller, not as part of what it returns
		}
		if site, ok := r.SiteOf(call); ok {
			sites = append(sites, site)
		}
	}
	handed := r.handedOn(fn)
	if len(sites) == 0 && len(handed) == 0 {
		return s
	}
	all := func(ssa.CallInstruction) bool { return true }
	f := r.flow(fn, all, true)
	for _, site := range sites {
		for _, e := range site.Effects() {
			e.Flush = e.Flush || f.flushes(site, e)
			s.add(e)
		}
	}
	for _, e := range handed {
		s.add(e)
	}
	if why, ok := Enforced(fn); ok {
		s.add(Effect{Op: Guard, Store: "sql", Via: []string{why}})
	}
	if !s.Has(Guard) {
		for _, d := range r.Dependent(fn, all, all) {
			e := d.Effect
			e.Op, e.Store = RMW, d.Stores.String()
			s.add(e)
		}
	}
	s.Params = f.paramWrites(fn)
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, v := range ret.Results {
				s.Returns |= f.of(v).stores
			}
		}
	}
	return s
}

// handedOn are the effects of the functions that fn hands to others to
// run (a job given to a worker queue, the body of a transaction, a task
// given to an errgroup) or starts with go: they are part of what fn
// does, though no call of fn's returns with them done, so they add to
// its effects and not to the data its results carry.
func (r *Result) handedOn(fn *ssa.Function) []Effect {
	var out []Effect
	for _, call := range calls(fn) {
		funcs := call.Common().Args
		if _, ok := call.(*ssa.Go); ok && !call.Common().IsInvoke() {
			funcs = append([]ssa.Value{call.Common().Value}, funcs...)
		}
		for _, a := range funcs {
			g := funcArg(a)
			if g == nil || g.Pkg == nil || g == fn {
				continue
			}
			for _, e := range r.Of(g).Effects {
				e.Via = append([]string{Display(g)}, e.Via...)
				if len(e.Via) > maxVia {
					e.Via = e.Via[:maxVia]
				}
				out = append(out, e)
			}
		}
	}
	return out
}

// funcArg is the function an argument passes: a closure, a function, a
// method value.
func funcArg(v ssa.Value) *ssa.Function {
	switch x := v.(type) {
	case *ssa.MakeClosure:
		g, _ := x.Fn.(*ssa.Function)
		if g != nil && g.Synthetic != "" && len(x.Bindings) == 1 {
			if obj, ok := g.Object().(*types.Func); ok {
				return g.Prog.FuncValue(obj) // a method value's $bound wrapper
			}
		}
		return g
	case *ssa.Function:
		return x
	case *ssa.ChangeType:
		return funcArg(x.X)
	case *ssa.MakeInterface:
		return funcArg(x.X)
	}
	return nil
}

// Display names a function as Go's stack traces do, without the path:
// "store.Withdraw", "api.(*Server).pay", "main.main.func1".
func Display(fn *ssa.Function) string {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if p := fn.Parent(); p != nil {
		i := strings.LastIndex(fn.Name(), "$")
		return Display(p) + ".func" + fn.Name()[i+1:]
	}
	name := strings.TrimSuffix(strings.TrimSuffix(fn.Name(), "$bound"), "$thunk")
	pkg := ""
	if fn.Pkg != nil {
		pkg = fn.Pkg.Pkg.Name() + "."
	} else if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != nil {
		pkg = obj.Pkg().Name() + "."
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			star, t = "*", p.Elem()
		}
		tn := types.TypeString(t, func(*types.Package) string { return "" })
		if i := strings.Index(tn, "["); i >= 0 {
			tn = tn[:i]
		}
		if star == "" {
			return pkg + tn + "." + name
		}
		return pkg + "(*" + tn + ")." + name
	}
	return pkg + name
}
