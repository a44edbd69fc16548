// Package state is a helper pass that turns the summaries of a package's
// request-path entry points into the hidden server state they reach:
// which roots outlive a request (package-level variables, fields of a
// long-lived receiver, variables captured by a handler literal made at
// setup), which component encapsulates each, what kind of state each is,
// and where request paths write and read it. It reports nothing: the
// checks ask it for the state of their kinds and compose their findings.
//
// Write sites are also grouped here into the units a user moves: one per
// state and function, one object reached two ways counted once, and the
// parts of one other component reached in one function merged, since
// that grouping crosses the checks of scalars and containers.
package state

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/guard"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/ssabuild"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer finds the server state that request paths reach.
var Analyzer = &analysis.Analyzer{
	Name: "statelintstate",
	Doc:  "find the server state request paths write and read, and its kinds",
	Run:  guard.Helper(run),
	Requires: []*analysis.Analyzer{ssabuild.Analyzer, handlers.Analyzer, summary.Analyzer,
		directives.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

// A State is one piece of server state seen from the request paths of
// this package: a package-level variable, a field of a long-lived
// receiver, or a variable captured by a handler literal made at setup,
// with a field path.
type State struct {
	Key       string    // identifies the state: "g:pkg.Var.field", "r:pkg.Type.field", "f:..."
	Name      string    // for messages: "sessions", "Server.cache", "store.items"
	Impl      string    // the in-memory implementation an interface call reached, if any
	Decl      token.Pos // declaration, for //statelint:ignore
	Shape     typeshape.Shape
	Elem      typeshape.Elem
	Hints     map[knowledge.Hint]bool
	Elsewhere bool   // touched by a function no request path reaches (a worker)
	Owner     string // the component that encapsulates it, see owner
	Kind      knowledge.KindName
	Aliases   []string // the state's key below each named type on its path, as its methods see it
	Writes    []witness.Occurrence
	Reads     []witness.Occurrence

	root     types.Type // the type of the root, when this package's
	rootKind summary.RootKind
	path     string // the field path below the root
}

// Display is the state's name as findings show it, with the
// implementation an interface call reached.
func (st *State) Display() string {
	if st.Impl != "" {
		return st.Name + " (implemented in memory by " + st.Impl + ")"
	}
	return st.Name
}

// Result is what the checks read.
type Result struct {
	States     []*State             // in the order request paths first reach them
	FileWrites []witness.Occurrence // local-filesystem writes and local databases
	FileReads  []witness.Occurrence
	Writes     []*Write        // the write units, after directives
	Silenced   []*Write        // the write units directives silenced, for the inventory
	Used       directives.Use  // the directives that silenced write units
	Witness    *witness.Picker // nil for a package without SSA
}

type finder struct {
	pass    *analysis.Pass
	ssaPkg  *ssa.Package
	funcs   []*ssa.Function
	sums    *summary.Result
	entries *handlers.Result
	wit     *witness.Picker
	perReq  map[string]bool      // named types allocated only on request paths
	fresh   map[*ssa.Global]bool // overwrittenFirst, by variable
}

func run(pass *analysis.Pass) (any, error) {
	s := pass.ResultOf[ssabuild.Analyzer].(*ssabuild.SSA)
	res := &Result{Used: directives.Use{}}
	if s.Pkg == nil {
		return res, nil
	}
	a := &finder{
		pass: pass, ssaPkg: s.Pkg, funcs: s.SrcFuncs,
		sums:    pass.ResultOf[summary.Analyzer].(*summary.Result),
		entries: pass.ResultOf[handlers.Analyzer].(*handlers.Result),
		wit:     witness.New(s.Pkg, s.SrcFuncs),
	}
	res.Witness = a.wit
	a.collect(res)
	res.Writes, res.Silenced = a.writeUnits(res.States, pass.ResultOf[directives.Analyzer].(*directives.Result), res.Used)
	return res, nil
}

// collect resolves the effects of every entry point to states and file
// occurrences.
func (a *finder) collect(res *Result) {
	states := map[string]*State{}
	for _, entry := range a.entries.Entries {
		for _, e := range a.sums.Of(entry.Fn).Effects {
			pos := witness.ReportPos(e)
			if !pos.IsValid() || !entry.Covers(sitePos(e)) {
				continue
			}
			occ := witness.Occurrence{Entry: entry, Effect: e, Pos: pos}
			switch e.Op {
			case summary.FileWrite, summary.LocalDB:
				res.FileWrites = append(res.FileWrites, occ)
				continue
			case summary.FileRead:
				res.FileReads = append(res.FileReads, occ)
				continue
			}
			st := a.stateOf(states, &res.States, entry, e)
			if st == nil {
				continue
			}
			if e.Op == summary.Write {
				st.Writes = append(st.Writes, occ)
				st.Hints[e.Hint] = true
				if e.Hint == "" && requestArg(entry, e.ValArg) {
					st.Hints[knowledge.HintRecord] = true
				}
				if e.Go && e.What != "delete" && e.What != "clear" {
					// a goroutine that fills the table, not one that expires it
					st.Hints[knowledge.HintGo] = true
				}
			} else {
				st.Reads = append(st.Reads, occ)
				st.Hints[e.Hint] = true
			}
		}
	}
	a.markElsewhere(states)
	markGetOrLoad(res.States)
	kept := res.States[:0]
	for _, st := range res.States {
		if a.handOff(st) {
			continue // a synchronous hand-off to a goroutine of this process: nothing waits in it
		}
		if a.overwrittenFirst(st) {
			continue // a scratch value every request overwrites before reading: nothing outlives it
		}
		if st.inRouter() {
			continue // the routes the program registered, which every replica builds alike
		}
		st.Kind = classify(st)
		if st.Kind == knowledge.Queue && st.registers() {
			st.Kind = knowledge.Websocket
		}
		use, acc := a.readBack(st), accumulates(st)
		switch {
		case inFlight(st):
			continue // a gauge of the work this replica is doing now
		case stampOnly(st):
			continue // when this replica last did something, read by no request: its own idle timer
		case acc && use == summary.UseExport:
			continue // a count only logged or exported: monitoring, per replica by design
		case acc && use == summary.UseGate && !st.entriesOnly():
			st.Kind = limitKind(st)
		case acc && use == summary.UseUnknown && a.importable(st):
			continue // a count nothing here reads, which importers can: where it is read, it is judged
		case acc && use == summary.UseReturn && a.gettersOnly(st):
			continue // a count only exported getters hand out (a copy for a metrics collector): judged where it is read
		}
		kept = append(kept, st)
	}
	res.States = kept
}

// gettersOnly reports whether the exported functions that return st,
// under any of its names, are getters only (summary.Result.Returners).
func (a *finder) gettersOnly(st *State) bool {
	getter := false
	for _, k := range append([]string{st.Key}, st.Aliases...) {
		g, w := a.sums.Returners(k)
		if w {
			return false
		}
		getter = getter || g
	}
	return getter
}

// requestArg reports whether parameter valArg (as Effect.ValArg counts)
// of an entry point is what the request brought: whatever an entry is
// called with, but its long-lived receiver and its context (a go-kit
// endpoint's request, an RPC's message).
func requestArg(entry *handlers.Entry, valArg int8) bool {
	i := int(valArg) - 1
	params := entry.Fn.Params
	if i < 0 || i >= len(params) || entry.Receiver && i == 0 {
		return false
	}
	return names.TypeName(params[i].Type()) != "context.Context"
}

// inFlight reports whether a count is a gauge of work in flight: every
// request path that steps it up also steps it back down (open++ on
// accept, a deferred open-- at the end), so its value is what this
// replica is doing now, per replica by nature, like a WaitGroup.
func inFlight(st *State) bool {
	if st.Shape.Container() || len(st.Writes) == 0 {
		return false
	}
	up, down := map[*handlers.Entry]bool{}, map[*handlers.Entry]bool{}
	for _, w := range st.Writes {
		if w.Effect.Hint != knowledge.HintIncrement {
			return false
		}
		u, d := w.Effect.Steps()
		if u {
			up[w.Entry] = true
		}
		if d {
			down[w.Entry] = true
		}
	}
	for e := range up {
		if !down[e] {
			return false
		}
	}
	return len(down) > 0
}

// stampOnly reports whether request paths only stamp a single value with
// the clock and none reads it back (mailpit's dbLastAction = time.Now(),
// which only its own maintenance loop reads to wait for an idle
// database): each replica's own activity, which no other replica needs.
// A stamp a handler serves or compares (a "last modified" it answers
// with) has reads on the request path and stays.
func stampOnly(st *State) bool {
	if st.Shape.Container() || len(st.Writes) == 0 || len(st.Reads) > 0 {
		return false
	}
	for _, w := range st.Writes {
		if w.Effect.Hint != knowledge.HintClock {
			return false
		}
	}
	return true
}

// accumulates reports whether request paths only add to the state: a
// counter, a running total, a table of either.
func accumulates(st *State) bool {
	adds := false
	for _, w := range st.Writes {
		switch {
		case w.Effect.Hint == knowledge.HintEntry:
			return false // a table that gains entries of their own (a stream with its subscribers), beside their counts
		case w.Effect.Hint == knowledge.HintIncrement || w.Effect.Hint == knowledge.HintAdd ||
			w.Effect.What == "increment" || w.Effect.What == "update":
			adds = true
		case w.Effect.What != "delete" && w.Effect.What != "clear" && w.Effect.What != "assignment":
			return false
		}
	}
	return adds
}

// readBack is the strongest use anything of this package, or the
// package that declares the state, makes of its value: a request path's
// reads, any function's (summary.Result.ReadBack), and what the
// declaring package's facts say of it on its writes; 0 when nothing
// visible reads it (another package may).
func (a *finder) readBack(st *State) summary.Use {
	use := a.sums.ReadBack(st.Key)
	for _, k := range st.Aliases {
		use = max(use, a.sums.ReadBack(k))
	}
	for _, r := range st.Reads {
		if r.Effect.Use != summary.UseNone {
			use = max(use, cmp.Or(r.Effect.Use, summary.UseData))
		}
	}
	for _, w := range st.Writes {
		use = max(use, w.Effect.Use)
	}
	return use
}

// importable reports whether code of another package can reach the
// state: an exported variable, or a path of exported fields below a value
// of an exported type, however this package holds that value (a global,
// a handler's receiver, a variable a handler captured), in a package
// other than main.
func (a *finder) importable(st *State) bool {
	if a.pass.Pkg.Name() == "main" || st.root == nil {
		return false
	}
	if st.rootKind == summary.Global {
		name := strings.TrimSuffix(strings.TrimPrefix(st.Key, "g:"), st.path)
		if !token.IsExported(name[strings.LastIndex(name, ".")+1:]) {
			return false // only this package reaches an unexported variable
		}
		if st.path == "" {
			return true
		}
	} else if st.path == "" {
		return false
	}
	t := cellValue(st.root, st.rootKind)
	for i, name := range strings.Split(strings.TrimPrefix(st.path, "."), ".") {
		if n, ok := typeshape.Deref(t).(*types.Named); i == 0 && (!ok || !n.Obj().Exported()) {
			return false
		}
		f := ssautil.FieldNamed(t, name)
		if f == nil || !f.Exported() {
			return false
		}
		t = f.Type()
	}
	return true
}

// cellValue is the type of what a captured variable holds, where t is
// the type of its cell (a pointer to a pointer), or t itself.
func cellValue(t types.Type, kind summary.RootKind) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok && kind == summary.Free {
		if _, cell := p.Elem().Underlying().(*types.Pointer); cell {
			return p.Elem()
		}
	}
	return t
}

// entriesOnly reports whether request paths change only fields of the
// entries of the container st, never the container: a count kept on each
// entry is not one per client.
func (st *State) entriesOnly() bool {
	_, ok := st.entryShape()
	return ok
}

// limitKind is the kind of a count that decides what a request gets: per
// key, a rate limiter (ban an address after 200 hits); a running total,
// a quota (refuse an upload over it); one count, still a counter.
func limitKind(st *State) knowledge.KindName {
	switch {
	case st.Shape.Container():
		return knowledge.RateLimit
	case st.Hints[knowledge.HintAdd]:
		return knowledge.Balance
	}
	return st.Kind
}

// sitePos is where an effect happens in the summarised function itself:
// its first call on the way, or its site.
func sitePos(e summary.Effect) token.Pos {
	if len(e.Via) > 0 {
		return e.Via[0].Pos()
	}
	return e.Pos()
}

// stateOf resolves an entry's effect to server state: globals always;
// the receiver of a method entry; the captured variables of a literal
// entry made at setup. Everything else is per-request.
func (a *finder) stateOf(states map[string]*State, order *[]*State, entry *handlers.Entry, e summary.Effect) *State {
	var key, display, owner, rootKey string
	var decl token.Pos
	var rootType types.Type // for owner, with rootKey naming the root
	if e.Root.Kind == summary.Param && !(entry.Receiver && e.Root.Index == 0) && e.Root.Index >= 0 && e.Root.Index < len(entry.Fn.Params) {
		// A value made for the request that holds the process's own
		// (a Context built with the server's hub): its state.
		if g, rest, ok := a.sums.FieldGlobal(entry.Fn.Params[e.Root.Index].Type(), e.Path); ok {
			e.Root, e.Path = g, rest
		}
	}
	switch e.Root.Kind {
	case summary.Global:
		key = "g:" + e.Root.Pkg + "." + e.Root.Name + e.Path
		display = e.Root.Name + e.Path
		if e.Root.Pkg != a.pass.Pkg.Path() {
			display = names.LastElem(e.Root.Pkg) + "." + display
			owner = "package " + e.Root.Pkg
		}
		if obj := a.globalObj(e.Root); obj != nil {
			decl = a.declOf(obj, e.Path)
			if owner == "" {
				rootType, rootKey = obj.Type(), e.Root.Name
			}
		}
	case summary.Param:
		if !entry.Receiver || e.Root.Index != 0 || e.Path == "" {
			return nil
		}
		recv := entry.Fn.Signature.Recv().Type()
		switch {
		case entry.Bound && e.Impl == "":
			return nil // the request's own copy, in a value bound to it
		case !entry.Bound && a.perRequest(recv):
			return nil
		}
		tn := names.TypeName(recv)
		key = "r:" + tn + e.Path
		display = tn[strings.LastIndex(tn, ".")+1:] + e.Path
		decl = fieldDecl(recv, e.Path)
		rootType, rootKey = recv, "r:"+tn
	case summary.Free:
		if !entry.Captures || e.Root.Index < 0 || e.Root.Index >= len(entry.Fn.FreeVars) {
			return nil
		}
		fv := entry.Fn.FreeVars[e.Root.Index]
		key = fmt.Sprintf("f:%d:%s%s", fv.Pos(), fv.Name(), e.Path)
		display = fv.Name() + e.Path
		decl = fv.Pos()
		rootType, rootKey = fv.Type(), strings.TrimSuffix(key, e.Path)
	default:
		return nil
	}
	if e.Impl != "" && e.Root.Kind != summary.Global {
		// One implementation reached through an interface by several
		// handlers, each through the copy it captured or holds (go-kit's
		// endpoints, one closure per method over one Service): the
		// implementation's state, one state for all of them.
		key = "i:" + e.Impl + e.Path
	}
	st := states[key]
	if st == nil {
		if rootType != nil {
			owner = a.owner(rootType, rootKey, e.Path)
		}
		st = &State{Key: key, Name: display, Impl: e.Impl, Decl: decl, Shape: e.Shape, Elem: e.Elem, Hints: map[knowledge.Hint]bool{}, Owner: owner,
			root: rootType, rootKind: e.Root.Kind, path: e.Path}
		if rootType != nil {
			st.Aliases = summary.Aliases(cellValue(rootType, e.Root.Kind), e.Path)
		}
		states[key] = st
		*order = append(*order, st)
	}
	if holdsMore(e.Elem) && !holdsMore(st.Elem) {
		st.Elem = e.Elem // a table inside its entries holds connections
	}
	return st
}

// holdsMore reports whether el says what a container keeps beyond plain data:
// connections, limiters, channels, locks.
func holdsMore(el typeshape.Elem) bool { return el != typeshape.None && el != typeshape.Data }

// globalObj finds the variable object of a global root.
func (a *finder) globalObj(r summary.Root) types.Object {
	if r.Pkg == a.pass.Pkg.Path() {
		return a.pass.Pkg.Scope().Lookup(r.Name)
	}
	for _, imp := range a.pass.Pkg.Imports() {
		if imp.Path() == r.Pkg {
			return imp.Scope().Lookup(r.Name)
		}
	}
	return nil
}

// declOf returns the declaration of the variable, or of the first field
// on the path when the variable is a struct.
func (a *finder) declOf(obj types.Object, path string) token.Pos {
	if path == "" {
		return obj.Pos()
	}
	if p := fieldDecl(obj.Type(), path); p.IsValid() {
		return p
	}
	return obj.Pos()
}

// owner names the component that encapsulates state at path below a
// root of type t: the root or the first field on the path whose type
// another package declares (server.vfs, a *vfs.VFS whose methods keep its
// directory tables), or "" when this package declares every type on the
// way. The globals of another package are owned by that package
// (stateOf).
func (a *finder) owner(t types.Type, root, path string) string {
	prefix := root
	for _, name := range strings.Split(path, ".") {
		if name != "" { // the root itself comes first, as ""
			f := ssautil.FieldNamed(t, name)
			if f == nil {
				return ""
			}
			prefix += "." + name
			t = f.Type()
		}
		if n, ok := types.Unalias(typeshape.Deref(t)).(*types.Named); ok {
			if pkg := n.Obj().Pkg(); pkg != nil && pkg != a.pass.Pkg {
				return prefix
			}
		}
	}
	return ""
}

// fieldDecl returns the declaration of the last field on path below t.
func fieldDecl(t types.Type, path string) token.Pos {
	var pos token.Pos
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		f := ssautil.FieldNamed(t, name)
		if f == nil {
			return pos
		}
		pos, t = f.Pos(), f.Type()
	}
	return pos
}

// markElsewhere notes the state that a function outside every request
// path touches directly: a worker draining a queue, a janitor expiring
// sessions.
func (a *finder) markElsewhere(states map[string]*State) {
	onPath := a.reachable()
	for _, fn := range a.funcs {
		if onPath[fn] {
			continue
		}
		loop := a.entries.Of(fn) // a consumer's setup is elsewhere, its loops are not
		for _, e := range a.sums.Of(fn).Effects {
			if len(e.Via) > 0 || loop != nil && loop.Covers(e.Pos()) {
				continue
			}
			var key string
			switch {
			case e.Root.Kind == summary.Global:
				key = "g:" + e.Root.Pkg + "." + e.Root.Name + e.Path
			case e.Root.Kind == summary.Param && e.Root.Index == 0 && fn.Signature.Recv() != nil:
				key = "r:" + names.TypeName(fn.Signature.Recv().Type()) + e.Path
			}
			if st := states[key]; st != nil {
				st.Elsewhere = true
			}
		}
	}
}

// perRequest reports whether every value of the receiver's type that
// this package makes is made on a request path: a handler value built per
// request, whose fields die with it.
func (a *finder) perRequest(recv types.Type) bool {
	if a.perReq == nil {
		a.perReq = a.perRequestTypes()
	}
	return a.perReq[names.TypeName(recv)]
}

// perRequestTypes finds the named types allocated only on request paths,
// or in functions that take the request (a handler built per request).
func (a *finder) perRequestTypes() map[string]bool {
	onPath := a.reachable()
	out := map[string]bool{}
	setup := map[string]bool{}
	for _, fn := range a.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				alloc, ok := instr.(*ssa.Alloc)
				if !ok {
					continue
				}
				if name := names.TypeName(alloc.Type()); name != "" {
					if onPath[fn] || handlers.TakesRequest(fn) {
						out[name] = true
					} else {
						setup[name] = true
					}
				}
			}
		}
	}
	for name := range setup {
		delete(out, name)
	}
	return out
}

// markGetOrLoad gives the cache hint to state that one handler both looks
// up and writes, through whatever helpers: the get-or-load shape.
func markGetOrLoad(states []*State) {
	for _, st := range states {
		looked := map[*handlers.Entry]bool{}
		for _, r := range st.Reads {
			if r.Effect.Hint == knowledge.HintLookup || r.Effect.Hint == knowledge.HintGetOrLoad {
				looked[r.Entry] = true
			}
		}
		for _, w := range st.Writes {
			if looked[w.Entry] && w.Effect.What == "map store" {
				st.Hints[knowledge.HintCache] = true
			}
		}
	}
}

// reachable returns the functions of this package that request paths
// reach through static calls and literals.
func (a *finder) reachable() map[*ssa.Function]bool {
	seen := map[*ssa.Function]bool{}
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if fn == nil || seen[fn] || fn.Pkg != a.ssaPkg {
			return
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case ssa.CallInstruction:
					visit(instr.Common().StaticCallee())
				case *ssa.MakeClosure:
					visit(instr.Fn.(*ssa.Function))
				}
			}
		}
	}
	for _, e := range a.entries.Entries {
		for _, fn := range e.Seeds() {
			visit(fn)
		}
	}
	return seen
}

// handOff reports whether st is an unbuffered channel of plain values
// that request paths only send on: a send blocks until a goroutine of
// this process takes the value, so the channel holds nothing a replica
// could lose. What that goroutine does with it is its own state (a hub's
// registry, which a channel of connections feeds, stays a finding). The
// channel is unbuffered when every make of it stored into its variable or
// field in this package has no capacity.
func (a *finder) handOff(st *State) bool {
	if st.Shape != typeshape.Chan || st.Elem != typeshape.None && st.Elem != typeshape.Data {
		return false
	}
	decl, elem := st.declType()
	if elem == nil || !decl.IsValid() {
		return false
	}
	if ch, ok := elem.Underlying().(*types.Chan); !ok || subscribers(ch.Elem(), 0) {
		return false // or clients handed to a goroutine that registers them: a registry
	}
	for _, w := range st.Writes {
		if w.Effect.What != "send" {
			return false
		}
	}
	makes := 0
	for _, fn := range a.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				store, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				if v := storedVar(store.Addr); v == nil || v.Pos() != decl {
					continue
				}
				mk, ok := ssautil.UnwrapValue(store.Val).(*ssa.MakeChan)
				if !ok {
					return false // a channel made elsewhere, of a capacity out of sight
				}
				if c, ok := mk.Size.(*ssa.Const); !ok || c.Int64() != 0 {
					return false
				}
				makes++
			}
		}
	}
	return makes > 0
}

// fieldAt is the field a path of field names leads to from t, or nil.
func fieldAt(t types.Type, path string) *types.Var {
	var f *types.Var
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		if f = ssautil.FieldNamed(t, name); f == nil {
			return nil
		}
		t = f.Type()
	}
	return f
}

// declType is where the state's variable or field is declared, and its
// type: the field, not the variable a handler captured; zero when the
// path runs out.
func (st *State) declType() (token.Pos, types.Type) {
	if st.root == nil {
		return st.Decl, nil
	}
	if st.path == "" {
		return st.Decl, st.root
	}
	f := fieldAt(uncell(st.root), st.path)
	if f == nil {
		return token.NoPos, nil
	}
	return f.Pos(), f.Type()
}

// inRouter reports whether the state lies inside a value that routes are
// registered on (a framework's app, group or router, the receivers of
// knowledge.RouteCalls and GroupCalls): its route tables, handler counts
// and trees are the program's wiring, built alike on every replica from
// the same registrations, even where the framework builds them lazily
// on a request (fiber's App.Handler, which its adaptor calls per
// request, registers HEAD routes and rebuilds the tree).
func (st *State) inRouter() bool {
	if st.root == nil || st.path == "" {
		return false
	}
	t := uncell(st.root)
	for _, name := range strings.Split(strings.TrimPrefix(st.path, "."), ".") {
		if knowledge.IsRouterType(names.TypeName(t)) {
			return true
		}
		f := ssautil.FieldNamed(t, name)
		if f == nil {
			return false
		}
		t = f.Type()
	}
	return false
}

// uncell is the type of a captured variable's value: t without the
// pointers to pointers that cells of captured variables add.
func uncell(t types.Type) types.Type {
	for {
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return t
		}
		if _, cell := p.Elem().Underlying().(*types.Pointer); !cell {
			return t
		}
		t = p.Elem()
	}
}

// registers reports whether the state is a channel of subscribers: what
// request paths send on it is a client that carries a channel of its
// own (go-sse's addClient), which a hub's goroutine keeps to send to
// later. That is a connection registry reached through a channel, not
// a queue of work.
func (st *State) registers() bool {
	if st.Shape != typeshape.Chan {
		return false
	}
	_, t := st.declType()
	if t == nil {
		return false
	}
	ch, ok := t.Underlying().(*types.Chan)
	return ok && subscribers(ch.Elem(), 1)
}

// subscribers reports whether values of t are, or hold, a channel: a
// client that a hub's goroutine registers to send to later, or a callback
// it keeps.
func subscribers(t types.Type, depth int) bool {
	if depth > 3 {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Chan:
		return true
	case *types.Signature:
		return depth == 0
	case *types.Pointer:
		return subscribers(u.Elem(), depth+1)
	case *types.Struct:
		for i := range u.NumFields() {
			if subscribers(u.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// storedVar is the variable or field a store writes: a package-level
// variable, or a field of a struct.
func storedVar(addr ssa.Value) *types.Var {
	switch x := addr.(type) {
	case *ssa.Global:
		v, _ := x.Object().(*types.Var)
		return v
	case *ssa.FieldAddr:
		if st, ok := typeshape.Deref(x.X.Type()).Underlying().(*types.Struct); ok && x.Field < st.NumFields() {
			return st.Field(x.Field)
		}
	}
	return nil
}

// Semaphore reports whether a channel is a pool of tokens: a handler
// that sends to it also receives from it (acquire and release, in either
// order). It bounds the concurrency of this replica, by design, like a
// process-wide rate.Limiter; nothing is queued for another request.
func (st *State) Semaphore() bool {
	if st.Shape != typeshape.Chan {
		return false
	}
	received := map[*handlers.Entry]bool{}
	for _, r := range st.Reads {
		if r.Effect.What == "receive" {
			received[r.Entry] = true
		}
	}
	for _, w := range st.Writes {
		if w.Effect.What == "send" && received[w.Entry] {
			return true
		}
	}
	return false
}

// KindOf classifies the state that an implementation wired in at setup
// keeps (passes/internal/wiring), from the effects its methods have on
// it, as the state of an entry point's own receiver would be, with the
// hints the wiring found (a handler that looks up what it then writes).
func KindOf(name string, effects []summary.Effect, hints ...knowledge.Hint) knowledge.KindName {
	st := &State{Name: name, Hints: map[knowledge.Hint]bool{}}
	for _, h := range hints {
		st.Hints[h] = true
	}
	for _, e := range effects {
		st.Shape = e.Shape
		if !holdsMore(st.Elem) {
			st.Elem = e.Elem
		}
		st.Hints[e.Hint] = true
		if e.Go {
			st.Hints[knowledge.HintGo] = true
		}
	}
	return classify(st)
}
