// Package extio summarises, for every function, the external stores it
// reads and writes (SQL databases, Redis, HTTP APIs, files) and what it
// sends outside the process (email, webhooks, messages), with the data
// flow that links them: which results carry data read from a store, and
// which parameters flow into a write. Summaries are exported as facts on
// *types.Func, so a handler in one package sees the read and the write a
// helper package makes one or two calls down.
//
// The calls of the clients are rows of knowledge.ExternalCalls; constant
// SQL text refines them (an UPDATE ... WHERE balance >= $1 is enforced by
// the store, a SELECT ... FOR UPDATE locks what it reads).
package extio

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer computes the summaries.
var Analyzer = &analysis.Analyzer{
	Name:       "statelintextio",
	Doc:        "summarise the external stores each function reads and writes",
	Run:        run,
	Requires:   []*analysis.Analyzer{ssabuild.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{new(Summary)},
}

// Result answers questions about the functions and calls of a package.
// It computes and caches as it is asked, so it is not safe for
// concurrent use: analyzers that run side by side on one package share
// it through Do.
type Result struct {
	mu        sync.Mutex
	pass      *analysis.Pass
	pkg       *ssa.Package
	summaries map[*ssa.Function]*Summary
	busy      map[*ssa.Function]bool
	ifaces    map[*types.Func]*Summary     // by interface method: the union of its implementations
	byMethod  map[string][]*types.TypeName // concrete types of the module by method name, built on first use
	funcs     []*ssa.Function              // the package's functions
	chans     map[string][]*ssa.Function   // goroutines by the channel they receive from, built on first use
}

func run(pass *analysis.Pass) (any, error) {
	s := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	r := &Result{pass: pass, pkg: s.Pkg, summaries: map[*ssa.Function]*Summary{}, busy: map[*ssa.Function]bool{},
		ifaces: map[*types.Func]*Summary{}, funcs: s.SrcFuncs}
	for _, fn := range s.SrcFuncs {
		sum := r.Of(fn)
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil && !sum.empty() {
			pass.ExportObjectFact(obj, sum)
		}
	}
	return r, nil
}

// Do runs f with the Result to itself: the analyzers that require this
// one run concurrently on a package, and each asks its questions within
// Do.
func (r *Result) Do(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f()
}

// Of returns the summary of fn: computed for the functions of this
// package, imported for the others, empty when nothing is known.
func (r *Result) Of(fn *ssa.Function) *Summary {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	if s, ok := r.summaries[fn]; ok {
		return s
	}
	if r.pkg == nil || fn.Pkg != r.pkg {
		s := new(Summary)
		if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != nil && obj.Pkg() != r.pass.Pkg {
			r.pass.ImportObjectFact(obj, s)
			s.load()
		}
		r.summaries[fn] = s
		return s
	}
	if r.busy[fn] {
		return new(Summary) // recursion: the cycle adds nothing new
	}
	r.busy[fn] = true
	s := r.summarize(fn)
	delete(r.busy, fn)
	r.summaries[fn] = s
	return s
}

// A Site is what one call does: the row of a client call refined by its
// arguments, or the summary of the called function.
type Site struct {
	Call    ssa.CallInstruction
	Direct  *Effect  // a client call of knowledge.ExternalCalls
	Summary *Summary // a call of a function with a summary
	Callee  string   // display name of the called function
	res     *Result  // reads the statements the call's arguments hold
	// Pos is where a site that is no call is: a send on a channel
	// whose receivers do the work.
	Pos token.Pos
}

// Position is where the site is in the source.
func (s Site) Position() token.Pos {
	if s.Call != nil {
		return s.Call.Pos()
	}
	return s.Pos
}

// Effects are the site's effects, each with the call in its chain.
func (s Site) Effects() []Effect {
	if s.Direct != nil {
		return []Effect{*s.Direct}
	}
	if s.Summary == nil {
		return nil
	}
	var out []Effect
	var args []ssa.Value
	for _, e := range s.Summary.Effects {
		if e.QueryParam > 0 {
			// The statement is the caller's argument: read it here, or
			// hand the question on to the caller's own parameter.
			if args == nil {
				args = names.Args(s.Call.Common())
			}
			i := int(e.QueryParam) - 1
			e.QueryParam = 0
			if q, ok := s.res.constArg(args, i); ok {
				e.readSQL(q)
			} else if i < len(args) {
				e.QueryParam = paramIndex(args[i]) + 1
			}
		}
		e.Via = append([]string{s.Callee}, e.Via...)
		if len(e.Via) > maxVia {
			e.Via = e.Via[:maxVia]
		}
		out = append(out, e)
	}
	return out
}

// SiteOf describes a call, or returns ok false when it reaches no store.
func (r *Result) SiteOf(call ssa.CallInstruction) (Site, bool) {
	c := call.Common()
	name := names.Callee(c)
	if row, ok := knowledge.ExternalCallFor(name); ok {
		e := r.direct(c, row)
		if e.Op == "" {
			return Site{}, false // a condition that checks nothing
		}
		return Site{Call: call, Direct: &e, Callee: names.Display(c), res: r}, true
	}
	if c.IsInvoke() {
		sum := r.invokeSummary(c)
		if sum == nil || sum.empty() {
			return Site{}, false
		}
		return Site{Call: call, Summary: sum, Callee: names.Display(c), res: r}, true
	}
	callee := calleeOf(call)
	if callee == nil {
		return Site{}, false
	}
	sum := r.Of(callee)
	if sum.empty() {
		return Site{}, false
	}
	return Site{Call: call, Summary: sum, Callee: Display(callee), res: r}, true
}

// calleeOf is the function a call calls: its static callee, or the
// closure a captured variable holds (a helper literal the enclosing
// function made and a job literal calls: scheduleUserReport(u)).
func calleeOf(call ssa.CallInstruction) *ssa.Function {
	c := call.Common()
	if g := c.StaticCallee(); g != nil {
		return g
	}
	v := c.Value
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		v = ld.X // the variable's cell, captured by reference
	}
	fv, ok := v.(*ssa.FreeVar)
	if !ok {
		return nil
	}
	fn := call.Parent()
	i := slices.Index(fn.FreeVars, fv)
	if i < 0 || fn.Parent() == nil {
		return nil
	}
	for _, b := range fn.Parent().Blocks {
		for _, in := range b.Instrs {
			mc, ok := in.(*ssa.MakeClosure)
			if !ok || mc.Fn != fn || i >= len(mc.Bindings) {
				continue
			}
			bound := mc.Bindings[i]
			if cell, ok := bound.(*ssa.Alloc); ok {
				vals := ssautil.CellValues(cell)
				if len(vals) != 1 {
					return nil // assigned more than once
				}
				bound = vals[0]
			}
			if inner, ok := bound.(*ssa.MakeClosure); ok {
				return inner.Fn.(*ssa.Function)
			}
		}
	}
	return nil
}

// direct refines a client call's row by its arguments: the verb and
// clauses of constant SQL text, the method of an HTTP request.
func (r *Result) direct(c *ssa.CallCommon, row knowledge.ExternalCall) Effect {
	e := Effect{Op: Op(row.Op), Store: row.Store, Idempotent: row.Idempotent, Via: []string{names.Display(c)}}
	args := names.Args(c)
	if row.Op == knowledge.ExtCond {
		e.Op = ""
		if q, ok := r.constArg(args, row.Query); ok && conditionalWhere(" where "+strings.ToLower(q)) {
			e.Op = Guard
		}
		return e
	}
	if row.Query >= 0 && row.Query < len(args) {
		if q, ok := r.constArg(args, row.Query); ok {
			e.readSQL(q)
		} else {
			e.QueryParam = paramIndex(args[row.Query]) + 1
		}
	}
	if e.Op == Write && len(args) > 0 && builtWith(args[0], knowledge.UpsertTypes, 6) {
		e.Enforced, e.Idempotent = true, true // an ORM upsert: INSERT ... ON CONFLICT
	}
	if row.Store == knowledge.StoreHTTP && row.Op == knowledge.ExtSend && len(args) == 2 && readRequest(args[1]) {
		e.Op = Read // (*http.Client).Do of a GET
	}
	return e
}

// readSQL refines an effect by the text of its statement.
func (e *Effect) readSQL(q string) {
	t := parseSQL(q)
	switch {
	case t.leader:
		e.Op = Leader
	case t.lockedRead, t.claim:
		e.Op = Guard
	case t.write:
		e.Op, e.Enforced, e.Idempotent, e.Constant = Write, t.enforced, t.idempotent, t.constant
	default:
		e.Op = Read
	}
}

// paramIndex is the index of v among its function's parameters (the
// receiver first), or -1 when it is not one.
func paramIndex(v ssa.Value) int {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Field:
			v = x.X // q.Query of a Query{Query, Args} parameter
			continue
		case *ssa.UnOp:
			// the same, where the parameter was spilled to a local
			fa, ok := x.X.(*ssa.FieldAddr)
			if x.Op != token.MUL || !ok {
				return -1
			}
			alloc, ok := fa.X.(*ssa.Alloc)
			if !ok {
				return -1
			}
			vals := ssautil.CellValues(alloc)
			if len(vals) == 0 {
				return -1
			}
			v = vals[len(vals)-1]
			continue
		case *ssa.Parameter:
			return slices.Index(x.Parent().Params, x)
		}
		return -1
	}
}

// builtWith reports whether v, the receiver of an ORM call, was built by
// a chain of calls (db.Clauses(...).Where(...)) one of which was given a
// clause of one of the types, looking at most depth calls back.
func builtWith(v ssa.Value, typs []string, depth int) bool {
	for ; depth > 0; depth-- {
		call, ok := v.(*ssa.Call)
		if !ok || len(call.Call.Args) == 0 {
			return false
		}
		for _, a := range call.Call.Args[1:] {
			if carries(a, typs) {
				return true
			}
		}
		v = call.Call.Args[0]
	}
	return false
}

// carries reports whether an argument is a value of one of the types
// made into an interface, directly or as an element of a variadic slice.
func carries(v ssa.Value, typs []string) bool {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return slices.Contains(typs, names.TypeName(x.X.Type()))
	case *ssa.Slice:
		elems, _ := ssautil.LiteralElems(x)
		return slices.ContainsFunc(elems, func(e ssa.Value) bool { return carries(e, typs) })
	}
	return false
}

// constArg is the SQL text at args[i], also when passed as any: a
// constant, or text built from constant fragments (see statementText).
func (r *Result) constArg(args []ssa.Value, i int) (string, bool) {
	if i < 0 || i >= len(args) {
		return "", false
	}
	if q, ok := names.ConstString(unwrapAny(args[i])); ok {
		return q, true
	}
	// Built text must start as a statement does: a table name handed to
	// a query builder is not SQL text.
	budget := maxTextSteps
	q, ok := r.statementText(args[i], map[ssa.Value]bool{}, &budget)
	if !ok || !isStatement(q) {
		return "", false
	}
	return q, true
}

// isStatement reports whether text starts as a statement parseSQL reads.
func isStatement(q string) bool {
	verb, _, _ := strings.Cut(strings.TrimLeft(strings.ToLower(strings.TrimSpace(q)), "( \n\t"), " ")
	return slices.Contains(sqlVerbs, strings.TrimSpace(verb))
}

// sqlVerbs start the statements parseSQL reads.
var sqlVerbs = []string{"select", "insert", "update", "delete", "with", "replace", "upsert", "merge"}

func unwrapAny(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// maxTextSteps bounds the values statementText reads to build one
// statement.
const maxTextSteps = 256

// unknownText stands for a fragment that is not constant: a column list,
// a schema prefix, a clause chosen at run time.
const unknownText = " ? "

// statementText reads the text of a statement built from constant fragments:
// a constant; a concatenation (q += " AND x = $2"), the unknown parts
// read as unknownText; a format of fmt.Sprintf, whose verbs stay as
// they are; and the text handed through a function that takes a string
// and returns one (a dialect's RewriteQuery, a RenderSQL(format, ...)
// helper), read from its first string argument; a statement a function
// of the module returns (returnedText). Where several values reach a
// variable (a clause appended on one branch), the longest text is read:
// the statement with the clauses a branch adds, such as the lock one
// dialect appends. It fails when no constant fragment is found.
func (r *Result) statementText(v ssa.Value, seen map[ssa.Value]bool, budget *int) (string, bool) {
	if *budget <= 0 || seen[v] {
		return "", false
	}
	*budget--
	seen[v] = true
	defer delete(seen, v)
	switch x := v.(type) {
	case *ssa.Const:
		return names.ConstString(x)
	case *ssa.MakeInterface:
		return r.statementText(x.X, seen, budget)
	case *ssa.ChangeType:
		return r.statementText(x.X, seen, budget)
	case *ssa.BinOp:
		if x.Op != token.ADD || !isString(x.Type()) {
			return "", false
		}
		l, lok := r.statementText(x.X, seen, budget)
		rr, rok := r.statementText(x.Y, seen, budget)
		if !lok && !rok {
			return "", false
		}
		if !lok {
			l = unknownText
		}
		if !rok {
			rr = unknownText
		}
		return l + rr, true
	case *ssa.Phi:
		best, ok := "", false
		for _, e := range x.Edges {
			if t, tok := r.statementText(e, seen, budget); tok && len(t) > len(best) {
				best, ok = t, true
			}
		}
		return best, ok
	case *ssa.Field:
		// q.Query of a Query{Query, Args} a function of the module built
		return r.returnedText(x.X)
	case *ssa.Extract:
		return r.returnedText(x) // the Query itself, handed to a wrapper
	case *ssa.UnOp:
		// the same, where q lives in a local variable
		fa, ok := x.X.(*ssa.FieldAddr)
		if x.Op != token.MUL || !ok {
			return "", false
		}
		alloc, ok := fa.X.(*ssa.Alloc)
		if !ok {
			return "", false
		}
		if v := storedField(alloc, fa.Field); v != nil {
			return r.statementText(v, seen, budget)
		}
		if vals := ssautil.CellValues(alloc); len(vals) > 0 {
			return r.returnedText(vals[0])
		}
	case *ssa.Call:
		if !isString(x.Type()) {
			return r.returnedText(x)
		}
		if q, ok := r.returnedText(x); ok {
			return q, true
		}
		args := names.Args(&x.Call)
		if slices.Contains(knowledge.SQLFormatFuncs, names.Callee(&x.Call)) {
			if len(args) == 0 {
				return "", false
			}
			return r.statementText(args[0], seen, budget)
		}
		recv := x.Call.IsInvoke() || x.Call.Signature().Recv() != nil
		for i, a := range args {
			if recv && i == 0 || !isString(a.Type()) {
				continue
			}
			return r.statementText(a, seen, budget) // the first string argument
		}
	}
	return "", false
}

// returnedText is the SQL text that the call producing v returns, as
// the callee's summary says (a dialect's SelectQuery building the
// statement from fragments): v is the call, or the first of its
// results.
func (r *Result) returnedText(v ssa.Value) (string, bool) {
	if ex, ok := v.(*ssa.Extract); ok && ex.Index == 0 {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok || r == nil {
		return "", false
	}
	var sum *Summary
	if call.Call.IsInvoke() {
		sum = r.invokeSummary(&call.Call)
	} else if callee := call.Call.StaticCallee(); callee != nil {
		sum = r.Of(callee)
	}
	if sum == nil || sum.SQL == "" {
		return "", false
	}
	return sum.SQL, true
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// readRequest reports whether v is a request made with a constant GET,
// HEAD or OPTIONS method.
func readRequest(v ssa.Value) bool {
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	i, ok := knowledge.HTTPRequestCtors[names.Callee(&call.Call)]
	if !ok || i >= len(call.Call.Args) {
		return false
	}
	m, ok := names.ConstString(call.Call.Args[i])
	if !ok {
		return false
	}
	for _, rm := range knowledge.HTTPReadMethods {
		if m == rm {
			return true
		}
	}
	return false
}
