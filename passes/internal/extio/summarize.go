package extio

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/statelint/statelint/passes/internal/names"

	"golang.org/x/tools/go/ssa"
)

// summarize computes the summary of a function of this package.
func (r *Result) summarize(fn *ssa.Function) *Summary {
	s := new(Summary)
	var sites []Site
	for _, call := range calls(fn) {
		for _, o := range r.OpenAt(fn, call) {
			s.addOpen(o)
		}
		if _, ok := call.(*ssa.Go); ok {
			continue // runs beside the caller, not as part of what it returns
		}
		if site, ok := r.SiteOf(call); ok {
			sites = append(sites, site)
		}
	}
	s.SQL = r.returnedSQL(fn)
	s.Impls = r.returnedImpls(fn)
	s.Keeps = keeps(fn)
	handedOn := handedFuncs(fn)
	for _, g := range r.sentTo(fn) {
		handedOn = append(handedOn, handed{fn: g})
		for _, o := range r.Of(g).Open {
			o.Via = append([]string{Display(g)}, o.Via...)
			s.addOpen(o)
		}
	}
	if len(sites) == 0 && len(handedOn) == 0 && len(drains(fn)) == 0 && !gathers(fn) {
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
	for _, h := range handedOn {
		for _, e := range r.handedEffects(h, f) {
			s.add(e)
		}
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

// returnedSQL is the statement fn returns: its first result when that is
// a string, or the first string field of the struct it returns, built
// in fn (return Query{Query: q, Args: args}, nil). Text that does not
// start as a statement is no SQL.
func (r *Result) returnedSQL(fn *ssa.Function) string {
	res := fn.Signature.Results()
	if res.Len() == 0 {
		return ""
	}
	t := res.At(0).Type()
	str := isString(t)
	field := -1
	if st, ok := t.Underlying().(*types.Struct); ok && !str {
		for i := range st.NumFields() {
			if isString(st.Field(i).Type()) {
				field = i
				break
			}
		}
	}
	if !str && field < 0 {
		return ""
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) == 0 {
			continue
		}
		v := ret.Results[0]
		if !str {
			ld, ok := v.(*ssa.UnOp)
			if !ok || ld.Op != token.MUL {
				continue
			}
			alloc, ok := ld.X.(*ssa.Alloc)
			if !ok {
				continue
			}
			if v = storedField(alloc, field); v == nil {
				continue
			}
		}
		budget := maxTextSteps
		if q, ok := r.statementText(v, map[ssa.Value]bool{}, &budget); ok && isStatement(q) {
			return compact(q)
		}
	}
	return ""
}

// storedField is the value stored into field i of a local struct, or nil.
func storedField(alloc *ssa.Alloc, i int) ssa.Value {
	for _, ref := range *alloc.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != i {
			continue
		}
		for _, ref2 := range *fa.Referrers() {
			if st, ok := ref2.(*ssa.Store); ok && st.Addr == fa {
				return st.Val
			}
		}
	}
	return nil
}

// handedFuncs are the functions that fn hands to others to run (a job
// given to a worker queue, the body of a transaction, a task given to
// an errgroup) or starts with go: their effects are part of what fn
// does, though no call of fn's returns with them done, so they add to
// its effects and not to the data its results carry.
func handedFuncs(fn *ssa.Function) []handed {
	var out []handed
	for _, call := range calls(fn) {
		out = append(out, handedAt(fn, call)...)
	}
	return out
}

// handedAt are the functions one call of fn hands on or starts.
func handedAt(fn *ssa.Function, call ssa.CallInstruction) []handed {
	var out []handed
	funcs := call.Common().Args
	if _, ok := call.(*ssa.Go); ok && !call.Common().IsInvoke() {
		funcs = append([]ssa.Value{call.Common().Value}, funcs...)
	}
	for _, a := range funcs {
		g := funcArg(a)
		if g == nil || g.Pkg == nil || g == fn {
			continue
		}
		mc, _ := a.(*ssa.MakeClosure)
		out = append(out, handed{fn: g, closure: mc})
	}
	return out
}

// handed is a function handed on, and the closure made of it if any.
type handed struct {
	fn      *ssa.Function
	closure *ssa.MakeClosure
}

// handedEffects are the effects of a function handed on, in the chain
// through it. A closure's writes of data the caller drained from a
// buffer (the payloads a notifier drained, written in the body it hands
// to a retry helper) are flushes, as they would be in the caller.
func (r *Result) handedEffects(h handed, outer *flow) []Effect {
	flushed := r.closureFlushes(h, outer)
	var out []Effect
	for _, e := range r.Of(h.fn).Effects {
		if !e.Flush && flushed[strings.Join(e.Via, " > ")] {
			e.Flush = true
		}
		e.Via = append([]string{Display(h.fn)}, e.Via...)
		if len(e.Via) > maxVia {
			e.Via = e.Via[:maxVia]
		}
		out = append(out, e)
	}
	return out
}

// closureFlushes are the chains of the effects of a closure that write
// data drained from a buffer by the function making it.
func (r *Result) closureFlushes(h handed, outer *flow) map[string]bool {
	if h.closure == nil {
		return nil
	}
	seeds := map[ssa.Value]taint{}
	bit := StoreBit(buffer)
	for i, b := range h.closure.Bindings {
		if t := outer.of(b); t.stores&bit != 0 && i < len(h.fn.FreeVars) {
			seeds[h.fn.FreeVars[i]] = taint{stores: bit}
		}
	}
	if len(seeds) == 0 {
		return nil
	}
	f := r.seededFlow(h.fn, func(ssa.CallInstruction) bool { return true }, true, seeds)
	out := map[string]bool{}
	for _, call := range calls(h.fn) {
		site, ok := r.SiteOf(call)
		if !ok {
			continue
		}
		for _, e := range site.Effects() {
			if f.flushes(site, e) {
				via := e.Via
				if len(via) > maxVia {
					via = via[:maxVia]
				}
				out[strings.Join(via, " > ")] = true
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

// gathers reports whether fn hands a value of this replica's own
// measurements to a call (g.Gather() on a metrics registry): what it
// returns from them is this replica's to send, which a caller that
// pushes it needs to know (echo-contrib's getMetrics, whose bytes
// startPushTicker sends on).
func gathers(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(ssa.CallInstruction)
			if !ok {
				continue
			}
			for _, a := range names.Args(call.Common()) {
				if replicaOwn(a.Type()) {
					return true
				}
			}
		}
	}
	return false
}
