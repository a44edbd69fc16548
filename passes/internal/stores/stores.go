// Package stores is a helper pass that finds where a program chooses a
// framework store that keeps its data in this process or on local disk:
// gin-contrib's memstore, fiber's session.New without a Storage, gorilla's
// FilesystemStore, echo's in-memory rate-limit store. The library writes
// such a store on every request; the constructor call is where the user
// chose it, so that is where a check reports it. An exported function
// that makes and returns such a store passes the choice to its callers
// through the Ctor fact.
package stores

import (
	"cmp"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer finds the constructions of in-memory and local-disk stores.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintstores",
	Doc:        "find where in-memory and local-disk framework stores are constructed",
	Run:        guard.Helper(run),
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Ctor), new(Opener)},
}

// Ctor is the fact of an exported function that makes and returns an
// in-memory or local-disk store (a wrapper of a constructor in
// knowledge.SessionStores, or of another Ctor): a call to it is where its
// caller chooses that store.
type Ctor struct {
	Kind  knowledge.SessionStoreKind
	Holds knowledge.KindName // knowledge.SessionStore.Holds: "" for sessions
}

// AFact marks Ctor as an analysis fact.
func (*Ctor) AFact() {}

func (s *Ctor) String() string {
	return string(cmp.Or(s.Holds, knowledge.Session)) + " store constructor (" + string(s.Kind) + ")"
}

// A Construction is a call that chooses a store kept in this process or
// on local disk.
type Construction struct {
	Pos   token.Pos                  // where to report it: the call, or where the embedded database it is handed is opened
	At    token.Pos                  // the call
	Call  string                     // the constructor as Go documentation names it: "memstore.NewStore"
	Kind  knowledge.SessionStoreKind // in memory or on local disk
	Holds knowledge.KindName         // what the store keeps: session, ratelimit or cache
	Func  *ssa.Function              // the top-level function the call is in
	// An SQL database opened with a driver the program chooses here:
	// which and why ("driver \"sqlite\", chosen by case \"sqlite\""), the
	// open, and where it is when a callee opens it.
	Opens, Open, OpenPosn string
}

// Check is the check that reports the construction: fswrite for an
// embedded database file, and for files on local disk; the check of what
// the store holds otherwise (memstore for sessions, caches, limiters,
// also when a session store keeps them in files).
func (c Construction) Check() string {
	if c.Kind == knowledge.SessionLocalDB {
		return "fswrite"
	}
	k, _ := knowledge.KindByName(c.Holds)
	return k.Check
}

// Group is one choice of a store: the constructions of one constructor,
// for one kind, in one top-level function (a route table that makes a
// limiter for each group of routes), that one directive, or none,
// accepts. First is where it is reported; Others are the rest, in
// source order.
type Group struct {
	First    Construction
	Others   []Construction
	Accepted string
}

// More says how many more stores of g its function makes, when it makes
// more than one: " (and 10 more made in (*Rest).routes)".
func (g Group) More() string {
	if len(g.Others) == 0 {
		return ""
	}
	return " (and " + strconv.Itoa(len(g.Others)) + " more made in " + summary.DisplayFunc(g.First.Func.Pkg, g.First.Func) + ")"
}

// Alike groups cs, in source order, by constructor, kind and top-level
// function, and within that by what accepted says of each: the reason a
// directive accepts it, or "".
func Alike(cs []Construction, accepted func(Construction) string) []Group {
	type key struct {
		fn       *ssa.Function
		call     string
		kind     knowledge.SessionStoreKind
		holds    knowledge.KindName
		opens    string // a database opened by another choice is another
		accepted string
	}
	cs = slices.SortedStableFunc(slices.Values(cs), func(x, y Construction) int { return cmp.Compare(x.Pos, y.Pos) })
	var out []Group
	index := map[key]int{}
	for _, c := range cs {
		acc := accepted(c)
		k := key{c.Func, c.Call, c.Kind, c.Holds, c.Opens, acc}
		if i, ok := index[k]; ok && c.Func != nil {
			out[i].Others = append(out[i].Others, c)
			continue
		}
		index[k] = len(out)
		out = append(out, Group{First: c, Accepted: acc})
	}
	return out
}

// Result lists the package's store constructions in source order.
type Result struct {
	Constructions []Construction
}

type finder struct {
	pass  *analysis.Pass
	funcs []*ssa.Function
	set   map[string]bool // "pkg.Type.field" assigned somewhere in the package, once computed
	// openers are this package's functions that open an SQL database
	// with the driver a parameter names
	openers map[*ssa.Function]*Opener
}

// run reports the construction of framework stores. A store made in a
// _test.go file serves only the test.
func run(pass *analysis.Pass) (any, error) {
	s := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	res := &Result{}
	if s.Pkg == nil {
		return res, nil
	}
	a := &finder{pass: pass, funcs: s.SrcFuncs}
	a.findOpeners()
	for _, fn := range s.SrcFuncs {
		if strings.HasSuffix(pass.Fset.Position(fn.Pos()).Filename, "_test.go") {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c, ok := a.construction(call)
				if !ok {
					c, ok = a.openedHere(call)
				}
				if ok {
					c.Func = top(fn)
					res.Constructions = append(res.Constructions, c)
				}
			}
		}
	}
	return res, nil
}

// top is the function fn is declared in: itself, or the function
// enclosing the closure it is.
func top(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn
}

func (a *finder) construction(call ssa.CallInstruction) (Construction, bool) {
	c := call.Common()
	if callee := c.StaticCallee(); callee != nil && callee.Pkg != nil && callee.Pkg.Pkg == a.pass.Pkg {
		// the library's own plumbing (fiber's session.New calling
		// NewWithStore calling NewStore): the choice is made where its
		// users call it, in another package
		return Construction{}, false
	}
	name := names.Callee(c)
	for _, ss := range a.storeCtors(c, name) {
		pos := call.Pos()
		if ss.Kind == knowledge.SessionExternal {
			for _, arg := range c.Args {
				if open := embeddedHandle(arg); open != nil {
					// a database store on a SQLite file, reported where
					// the file is opened
					ss.Kind, pos = knowledge.SessionLocalDB, open.Pos()
					break
				}
			}
		}
		if ss.Kind != knowledge.SessionInMemory && ss.Kind != knowledge.SessionLocalFS && ss.Kind != knowledge.SessionLocalDB {
			continue
		}
		if ss.ConfigField != "" && configSets(c.Args, ss.ConfigField) || len(ss.Unless) > 0 && passesAny(c.Args, ss.Unless) ||
			ss.SetField != "" && a.fieldSet(c.Signature().Results(), ss.SetField) {
			return Construction{}, false
		}
		if v := call.Value(); v != nil && returned(v, 0) {
			// A wrapper's constructor: its callers, in other packages,
			// choose the store; tell them through a fact. An unexported
			// helper (makeAvatarStore, a switch on the configured type)
			// is where this package chooses it, and it is reported here.
			if obj := call.Parent().Object(); obj != nil && obj.Exported() && a.pass.Pkg.Name() != "main" {
				a.pass.ExportObjectFact(obj, &Ctor{Kind: ss.Kind, Holds: ss.Holds})
				return Construction{}, false
			}
		}
		return Construction{Pos: pos, At: call.Pos(), Call: names.Display(c), Kind: ss.Kind, Holds: cmp.Or(ss.Holds, knowledge.Session)}, true
	}
	return Construction{}, false
}

// embeddedHandle returns the call that opens v on an embedded database in
// the same function, or nil: gorm.Open(sqlite.Open(path)) (the dialector's
// call), or sql.Open with an embedded driver. A store kept in such a
// database keeps it in a file on this machine.
func embeddedHandle(v ssa.Value) *ssa.Call {
	for range 4 {
		switch x := ssautil.UnwrapValue(v).(type) {
		case *ssa.Extract:
			v = x.Tuple
			continue
		case *ssa.Call:
			name := names.Callee(&x.Call)
			args := names.Args(&x.Call)
			switch {
			case slices.Contains(knowledge.EmbeddedDialectors, name):
				return x
			case name == "database/sql.Open" && len(args) > 0:
				if drv, ok := names.ConstString(args[0]); ok && knowledge.IsEmbeddedSQLDriver(drv) {
					return x
				}
				return nil
			case slices.Contains(knowledge.ORMOpens, name) && len(args) > 0:
				v = args[0]
				continue
			}
		}
		return nil
	}
	return nil
}

// storeCtors returns the session-store rows for a call: the knowledge
// table's, or one made from the callee's Ctor fact.
func (a *finder) storeCtors(c *ssa.CallCommon, name string) []knowledge.SessionStore {
	out := knowledge.SessionStoresFor(name)
	if callee := c.StaticCallee(); len(out) == 0 && callee != nil && callee.Object() != nil && callee.Parent() == nil {
		var sc Ctor
		if a.pass.ImportObjectFact(callee.Object(), &sc) {
			out = append(out, knowledge.SessionStore{Func: name, Kind: sc.Kind, Holds: sc.Holds})
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
		case *ssa.Extract:
			// store, err := New(...); return store, err
			if r.Index == 0 && returned(r, depth+1) {
				return true
			}
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
		call, ok := ssautil.UnwrapValue(v).(*ssa.Call)
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
	elems, ok := ssautil.LiteralElems(last)
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
		elems, _ := ssautil.LiteralElems(arg)
		if slices.ContainsFunc(elems, func(v ssa.Value) bool { return literalSets(v, field) }) {
			return true
		}
	}
	return false
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
			if f := ssautil.FieldOf(alloc.Type(), fa.Field); f != nil && f.Name() == field {
				return true
			}
		}
	}
	return false
}

// fieldSet reports whether the package assigns the field of the struct
// that a constructor's single result points to: the program chooses the
// store after construction (sessionManager.Store = redisstore.New(pool)).
func (a *finder) fieldSet(results *types.Tuple, field string) bool {
	if results.Len() != 1 {
		return false
	}
	if a.set == nil {
		a.set = map[string]bool{}
		for st := range ssautil.Stores(a.funcs) {
			if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
				if f := ssautil.FieldOf(fa.X.Type(), fa.Field); f != nil {
					a.set[names.TypeName(fa.X.Type())+"."+f.Name()] = true
				}
			}
		}
	}
	return a.set[names.TypeName(results.At(0).Type())+"."+field]
}
