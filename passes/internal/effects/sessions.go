package effects

import (
	"cmp"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// sessionStoreFindings reports the construction of framework session
// stores that keep sessions in this process (gin-contrib's memstore,
// fiber's session.New without a Storage) or on local disk (gorilla's
// FilesystemStore). The library writes them on every request that saves a
// session; the constructor is where the user chose it, so that is where
// the finding goes. A store made in a _test.go file serves only the test.
func (a *analyzer) sessionStoreFindings(funcs []*ssa.Function) []Finding {
	var out []Finding
	for _, fn := range funcs {
		if strings.HasSuffix(a.pass.Fset.Position(fn.Pos()).Filename, "_test.go") {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if f, ok := a.sessionStore(call); ok {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// storeHolds says, for the kind of state a middleware store holds, which
// requests write it and what it keeps.
func storeHolds(holds string) (requests, what string) {
	switch holds {
	case "ratelimit":
		return "every request it limits", "per-client request counts"
	case "cache":
		return "every request it caches", "cached responses"
	}
	return "every request that saves a session", "sessions"
}

func (a *analyzer) sessionStore(call ssa.CallInstruction) (Finding, bool) {
	c := call.Common()
	name := names.Callee(c)
	for _, ss := range a.storeCtors(c, name) {
		if ss.Kind != knowledge.SessionInMemory && ss.Kind != knowledge.SessionLocalFS {
			continue
		}
		if ss.ConfigField != "" && configSets(c.Args, ss.ConfigField) || len(ss.Unless) > 0 && passesAny(c.Args, ss.Unless) {
			return Finding{}, false
		}
		if v := call.Value(); v != nil && returned(v, 0) {
			// A wrapper's constructor: its callers choose the store. When
			// they can be in other packages, tell them through a fact.
			if obj := call.Parent().Object(); obj != nil && obj.Exported() && a.pass.Pkg.Name() != "main" {
				a.pass.ExportObjectFact(obj, &StoreCtor{Kind: string(ss.Kind), Holds: ss.Holds})
			}
			return Finding{}, false
		}
		requests, what := storeHolds(ss.Holds)
		f := Finding{
			Check: "memstore", Kind: cmp.Or(ss.Holds, "session"), Pos: call.Pos(), State: names.Display(c),
			Handler: requests, What: string(ss.Kind),
		}
		if ss.Kind == knowledge.SessionLocalFS {
			f.Title = "session store on local disk"
		}
		f.Related = []analysis.RelatedInformation{{Pos: call.Pos(), Message: names.Display(c) + " keeps " + what + " " + map[knowledge.SessionStoreKind]string{
			knowledge.SessionInMemory: "in this process's memory", knowledge.SessionLocalFS: "in files on this machine"}[ss.Kind]}}
		return f, true
	}
	return Finding{}, false
}

// storeCtors returns the session-store rows for a call: the knowledge
// table's, or one made from the callee's StoreCtor fact.
func (a *analyzer) storeCtors(c *ssa.CallCommon, name string) []knowledge.SessionStore {
	var out []knowledge.SessionStore
	for _, ss := range knowledge.SessionStores {
		if ss.Func == name {
			out = append(out, ss)
		}
	}
	if callee := c.StaticCallee(); len(out) == 0 && callee != nil && callee.Object() != nil && callee.Parent() == nil {
		var sc StoreCtor
		if a.pass.ImportObjectFact(callee.Object(), &sc) {
			out = append(out, knowledge.SessionStore{Func: name, Kind: knowledge.SessionStoreKind(sc.Kind), Holds: sc.Holds})
		}
	}
	return out
}

// returned reports whether v is returned by the function that makes it,
// directly, converted, or as a field of a struct it returns: the function
// wraps the store for its callers (gin-contrib's memstore.NewStore), and
// the choice of an in-memory store is made where it is called.
func returned(v ssa.Value, depth int) bool {
	if depth > 4 || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Return:
			return true
		case *ssa.MakeInterface:
			if returned(r, depth+1) {
				return true
			}
		case *ssa.ChangeType:
			if returned(r, depth+1) {
				return true
			}
		case *ssa.Store:
			if fa, ok := r.Addr.(*ssa.FieldAddr); ok && r.Val == v {
				if alloc, ok := fa.X.(*ssa.Alloc); ok && returned(alloc, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// passesAny reports whether a call to one of funcs is among args, or
// among the options of a variadic argument written out at the call; and,
// to stay quiet, whether the variadic options are a slice made elsewhere.
func passesAny(args []ssa.Value, funcs []string) bool {
	isCall := func(v ssa.Value) bool {
		call, ok := unwrapValue(v).(*ssa.Call)
		return ok && slices.Contains(funcs, names.Callee(&call.Call))
	}
	if slices.ContainsFunc(args, isCall) {
		return true
	}
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if _, none := last.(*ssa.Const); none {
		return false // no options
	}
	elems, ok := literalElems(last)
	if !ok {
		_, variadic := last.Type().Underlying().(*types.Slice)
		return variadic // options built elsewhere: unknown
	}
	return slices.ContainsFunc(elems, isCall)
}

// configSets reports whether a variadic Config argument sets field:
// session.New(session.Config{Storage: redisStorage}).
func configSets(args []ssa.Value, field string) bool {
	for _, arg := range args {
		elems, _ := literalElems(arg)
		if slices.ContainsFunc(elems, func(v ssa.Value) bool { return literalSets(v, field) }) {
			return true
		}
	}
	return false
}

// literalElems returns the values stored into a slice written out at a
// call, as a variadic argument is: f(a, b) passes a slice of an array
// whose elements are stored one by one. ok is false for any other value.
func literalElems(v ssa.Value) (elems []ssa.Value, ok bool) {
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
				if st, ok := rr.(*ssa.Store); ok {
					elems = append(elems, st.Val)
				}
			}
		}
	}
	return elems, true
}

// literalSets reports whether a struct value loaded from a composite
// literal has field stored into it.
func literalSets(v ssa.Value, field string) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok {
		return false
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, ref := range *alloc.Referrers() {
		if fa, ok := ref.(*ssa.FieldAddr); ok {
			if f := fieldOf(alloc.Type(), fa.Field); f != nil && f.Name() == field {
				return true
			}
		}
	}
	return false
}
