package effects

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/handlers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A state is one piece of server state seen from the request paths of this
// package: a package-level variable, a field of a long-lived receiver, or
// a variable captured by a handler literal made at setup, with a path.
type state struct {
	key       string
	display   string
	decl      token.Pos // declaration, for //statelint:ignore
	shape     string
	elem      string
	hints     map[string]bool
	elsewhere bool   // touched by a function no request path reaches (a worker)
	owner     string // the component that encapsulates it, see owner
	writes    []occurrence
	reads     []occurrence
}

// An occurrence is one effect reached from one entry point.
type occurrence struct {
	entry *handlers.Entry
	e     Effect
	pos   token.Pos // where to report: the site, or the last call in this package
}

// findings turns the summaries of the entry points into findings.
func (a *analyzer) findings(funcs []*ssa.Function) []Finding {
	states := map[string]*state{}
	var order []*state
	var files, fileReads []occurrence
	for _, entry := range a.entries.Entries {
		for _, e := range a.summarize(entry.Fn).Effects {
			pos := reportPos(e)
			if !pos.IsValid() {
				continue
			}
			occ := occurrence{entry: entry, e: e, pos: pos}
			switch e.Op {
			case FileWrite, LocalDB:
				files = append(files, occ)
				continue
			case FileRead:
				fileReads = append(fileReads, occ)
				continue
			}
			st := a.stateOf(states, &order, entry, e)
			if st == nil {
				continue
			}
			if e.Op == Write {
				st.writes = append(st.writes, occ)
				st.hints[e.Hint] = true
				if e.Go {
					st.hints["go"] = true
				}
			} else {
				st.reads = append(st.reads, occ)
				st.hints[e.Hint] = true
			}
		}
	}
	a.markElsewhere(states, funcs)
	markGetOrLoad(order)
	var out []Finding
	for _, st := range order {
		out = append(out, a.writeFindings(st)...)
		out = append(out, a.orderFindings(st)...)
	}
	out = append(out, a.sessionStoreFindings(funcs)...)
	out = append(out, a.fileFindings(files)...)
	out = append(out, a.fileOrderFindings(files, fileReads)...)
	slices.SortStableFunc(out, func(x, y Finding) int {
		return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.Check, y.Check), cmp.Compare(x.site, y.site), cmp.Compare(x.State, y.State))
	})
	// One object reached two ways (a method's receiver, and the global the
	// dispatcher calls the method on) is one finding at its site. Distinct
	// sites reported at one call into another package stay distinct.
	return slices.CompactFunc(out, func(x, y Finding) bool {
		return x.Pos == y.Pos && x.site == y.site && x.Check == y.Check && x.Kind == y.Kind && x.Check != "requestorder"
	})
}

// reportPos is where a finding for e is reported: at the site when it is
// in this package, else at the last call in this package that leads to it.
func reportPos(e Effect) token.Pos {
	if e.pos.IsValid() {
		return e.pos
	}
	for i := len(e.Via) - 1; i >= 0; i-- {
		if e.Via[i].pos.IsValid() {
			return e.Via[i].pos
		}
	}
	return token.NoPos
}

// stateOf resolves an entry's effect to server state: globals always;
// the receiver of a method entry; the captured variables of a literal
// entry made at setup. Everything else is per-request.
func (a *analyzer) stateOf(states map[string]*state, order *[]*state, entry *handlers.Entry, e Effect) *state {
	var key, display, owner, rootKey string
	var decl token.Pos
	var rootType types.Type // for owner, with rootKey naming the root
	switch e.Root.Kind {
	case Global:
		key = "g:" + e.Root.Pkg + "." + e.Root.Name + e.Path
		display = e.Root.Name + e.Path
		if e.Root.Pkg != a.pass.Pkg.Path() {
			display = lastElem(e.Root.Pkg) + "." + display
			owner = "package " + e.Root.Pkg
		}
		if obj := a.globalObj(e.Root); obj != nil {
			decl = a.declOf(obj, e.Path)
			if monitoring(lastElem(typeString(obj.Type()))) {
				return nil
			}
			if owner == "" {
				rootType, rootKey = obj.Type(), e.Root.Name
			}
		}
	case Param:
		if !entry.Receiver || e.Root.Index != 0 || e.Path == "" {
			return nil
		}
		recv := entry.Fn.Signature.Recv().Type()
		if a.perRequest(recv) {
			return nil
		}
		tn := typeName(recv)
		key = "r:" + tn + e.Path
		display = tn[strings.LastIndex(tn, ".")+1:] + e.Path
		decl = a.fieldDecl(recv, e.Path)
		rootType, rootKey = recv, "r:"+tn
	case Free:
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
	if monitoring(display) || monitoring(e.Type) {
		return nil
	}
	st := states[key]
	if st == nil {
		if e.Impl != "" {
			display += " (implemented in memory by " + e.Impl + ")"
		}
		if rootType != nil {
			owner = a.owner(rootType, rootKey, e.Path)
		}
		st = &state{key: key, display: display, decl: decl, shape: e.Shape, elem: e.Elem, hints: map[string]bool{}, owner: owner}
		states[key] = st
		*order = append(*order, st)
	}
	return st
}

// monitoring reports whether a state's name, or its type's, marks it as
// monitoring data (knowledge.MetricWords): rclone's accounting.groups is a
// *statsGroups.
func monitoring(name string) bool {
	for _, w := range words(name) {
		if slices.Contains(knowledge.MetricWords, w) {
			return true
		}
	}
	return false
}

func lastElem(path string) string { return path[strings.LastIndex(path, "/")+1:] }

// globalObj finds the variable object of a global root.
func (a *analyzer) globalObj(r Root) types.Object {
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
func (a *analyzer) declOf(obj types.Object, path string) token.Pos {
	if path == "" {
		return obj.Pos()
	}
	if p := a.fieldDecl(obj.Type(), path); p.IsValid() {
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
func (a *analyzer) owner(t types.Type, root, path string) string {
	prefix := root
	for _, name := range strings.Split(path, ".") {
		if name != "" { // the root itself comes first, as ""
			f := fieldNamed(t, name)
			if f == nil {
				return ""
			}
			prefix += "." + name
			t = f.Type()
		}
		if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
			if pkg := n.Obj().Pkg(); pkg != nil && pkg != a.pass.Pkg {
				return prefix
			}
		}
	}
	return ""
}

// fieldNamed returns the field called name of the struct t or *t points
// to, or nil.
func fieldNamed(t types.Type, name string) *types.Var {
	if st, ok := deref(t).Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if f := st.Field(i); f.Name() == name {
				return f
			}
		}
	}
	return nil
}

// fieldDecl returns the declaration of the last field on path below t.
func (a *analyzer) fieldDecl(t types.Type, path string) token.Pos {
	var pos token.Pos
	for _, name := range strings.Split(strings.TrimPrefix(path, "."), ".") {
		f := fieldNamed(t, name)
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
func (a *analyzer) markElsewhere(states map[string]*state, funcs []*ssa.Function) {
	onPath := a.reachable()
	for _, fn := range funcs {
		if onPath[fn] {
			continue
		}
		for _, e := range a.summarize(fn).Effects {
			if len(e.Via) > 0 {
				continue
			}
			var key string
			switch {
			case e.Root.Kind == Global:
				key = "g:" + e.Root.Pkg + "." + e.Root.Name + e.Path
			case e.Root.Kind == Param && e.Root.Index == 0 && fn.Signature.Recv() != nil:
				key = "r:" + typeName(fn.Signature.Recv().Type()) + e.Path
			}
			if st := states[key]; st != nil {
				st.elsewhere = true
			}
		}
	}
}

// perRequest reports whether every value of the receiver's type that
// this package makes is made on a request path: a handler value built per
// request, whose fields die with it.
func (a *analyzer) perRequest(recv types.Type) bool {
	if a.perReq == nil {
		a.perReq = a.perRequestTypes()
	}
	return a.perReq[typeName(recv)]
}

// perRequestTypes finds the named types allocated only on request paths,
// or in functions that take the request (a handler built per request).
func (a *analyzer) perRequestTypes() map[string]bool {
	onPath := a.reachable()
	out := map[string]bool{}
	setup := map[string]bool{}
	for fn := range a.allFuncs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				alloc, ok := instr.(*ssa.Alloc)
				if !ok {
					continue
				}
				if name := typeName(alloc.Type()); name != "" {
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
func markGetOrLoad(states []*state) {
	for _, st := range states {
		looked := map[*handlers.Entry]bool{}
		for _, r := range st.reads {
			if r.e.Hint == "lookup" || r.e.Hint == "getorload" {
				looked[r.entry] = true
			}
		}
		for _, w := range st.writes {
			if looked[w.entry] && w.e.What == "map store" {
				st.hints["cache"] = true
			}
		}
	}
}

// reachable returns the functions of this package that request paths
// reach through static calls and literals.
func (a *analyzer) reachable() map[*ssa.Function]bool {
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
		visit(e.Fn)
	}
	return seen
}

// best picks, among occurrences at one site, the one whose handler has a
// route (what users search their code for), then the shortest chain, then
// the first handler by name, for a stable message.
func (a *analyzer) best(occs []occurrence) occurrence {
	unrouted := func(o occurrence) int {
		if len(o.entry.Routes) > 0 {
			return 0
		}
		return 1
	}
	return slices.MinFunc(occs, func(x, y occurrence) int {
		return cmp.Or(cmp.Compare(unrouted(x), unrouted(y)), cmp.Compare(len(x.e.Via), len(y.e.Via)),
			cmp.Compare(a.handlerName(x.entry), a.handlerName(y.entry)))
	})
}

func (a *analyzer) handlerName(e *handlers.Entry) string {
	return e.Name(func(fn *ssa.Function) string { return displayFunc(a.ssaPkg, fn) })
}

// bySite groups occurrences by report position, in position order.
func bySite(occs []occurrence) [][]occurrence {
	m := map[token.Pos][]occurrence{}
	var keys []token.Pos
	for _, o := range occs {
		if _, ok := m[o.pos]; !ok {
			keys = append(keys, o.pos)
		}
		m[o.pos] = append(m[o.pos], o)
	}
	slices.Sort(keys)
	out := make([][]occurrence, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

// writeFindings reports where request paths write st: once per function
// of this package, at its first site, with the function's other sites of
// st as related information. Three writes to one rate-limit table in one
// middleware are one piece of state to move, not three.
func (a *analyzer) writeFindings(st *state) []Finding {
	if len(st.writes) == 0 || semaphore(st) {
		return nil
	}
	check, kind := classify(st)
	var out []Finding
	for _, sites := range a.byFunc(bySite(st.writes)) {
		o := a.best(sites[0])
		rel := a.chain(o, fmt.Sprintf("%s of %s", o.e.What, st.display))
		out = append(out, Finding{
			Check: check, Kind: kind, Pos: o.pos, State: st.display,
			Handler: a.handlerName(o.entry), What: o.e.What,
			Related: append(rel, a.alsoAt(sites[1:], st.display)...),
			decl:    st.decl, stateKey: st.key, site: o.e.Posn,
			owner: st.owner, fn: a.enclosing(o.pos), remote: !o.e.pos.IsValid(),
		})
	}
	return out
}

// byFunc groups sites (as bySite returns them, in position order) by the
// function of this package whose body holds their report position.
func (a *analyzer) byFunc(sites [][]occurrence) [][][]occurrence {
	var out [][][]occurrence
	index := map[token.Pos]int{}
	for _, occs := range sites {
		fn := a.enclosing(occs[0].pos)
		if i, ok := index[fn]; ok && fn.IsValid() {
			out[i] = append(out[i], occs)
			continue
		}
		index[fn] = len(out)
		out = append(out, [][]occurrence{occs})
	}
	return out
}

// alsoAt names the further sites of a grouped finding.
func (a *analyzer) alsoAt(sites [][]occurrence, display string) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, occs := range sites {
		o := a.best(occs)
		out = append(out, analysis.RelatedInformation{Pos: o.pos, Message: fmt.Sprintf("also %s of %s", o.e.What, display)})
	}
	return out
}

// enclosing returns the start of the innermost function or literal of
// this package whose syntax holds pos, or NoPos.
func (a *analyzer) enclosing(pos token.Pos) token.Pos {
	if a.bodies == nil {
		a.bodies = [][2]token.Pos{}
		for _, fn := range a.funcs {
			if syn := fn.Syntax(); syn != nil {
				a.bodies = append(a.bodies, [2]token.Pos{syn.Pos(), syn.End()})
			}
		}
	}
	best := [2]token.Pos{}
	for _, b := range a.bodies {
		if b[0] <= pos && pos < b[1] && b[0] > best[0] {
			best = b
		}
	}
	return best[0]
}

// byOwner merges the findings of one function on state that one other
// component encapsulates: the unexported variables of another package
// (fs/cache's cache, remap and childParentMap) or the internals of a value
// of another package's type (server.vfs.root.items and .virtual), written
// by that component's own code behind a call. What a user can move is the
// component, not its fields; four findings at one call were one decision.
// The finding that stays is the first container by name, else the first
// scalar; the others are named in its state and related information.
// Findings silenced one by one are gone before this runs.
func (a *analyzer) byOwner(fs []Finding) []Finding {
	type group struct {
		fn    token.Pos
		owner string
	}
	members := map[group][]int{}
	for i, f := range fs {
		if f.owner != "" && f.remote && f.fn.IsValid() && (f.Check == "globalstate" || f.Check == "memstore") {
			g := group{f.fn, f.owner}
			members[g] = append(members[g], i)
		}
	}
	drop := map[int]bool{}
	for _, idx := range members {
		if len(idx) < 2 {
			continue
		}
		slices.SortFunc(idx, func(i, j int) int {
			return cmp.Or(cmp.Compare(fs[j].Check, fs[i].Check), cmp.Compare(fs[i].State, fs[j].State)) // memstore first
		})
		lead := idx[0]
		var others []string
		for _, i := range idx[1:] {
			drop[i] = true
			m := fs[i]
			name, _, _ := strings.Cut(m.State, " (implemented in memory by")
			others = append(others, name)
			msg := fmt.Sprintf("also %s %s: %s at %s", m.Kind, m.State, m.What, m.site)
			if k, ok := knowledge.KindByName(m.Kind); ok {
				msg = fmt.Sprintf("also %s %s: %s at %s", k.Title, m.State, m.What, m.site)
				if m.Kind != fs[lead].Kind {
					msg += "; " + k.Advice // the lead's message gives only its own
				}
			}
			fs[lead].Related = append(fs[lead].Related, analysis.RelatedInformation{Pos: m.Pos, Message: msg})
		}
		fs[lead].State += " (with " + andList(others, 3) + ")"
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}

// andList renders names as "a, b and c", naming at most limit of them.
func andList(names []string, limit int) string {
	if len(names) > limit {
		names = append(names[:limit:limit], fmt.Sprintf("%d more", len(names)-limit))
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// semaphore reports whether a channel is a pool of tokens: a handler
// that sends to it also receives from it (acquire and release, in either
// order). It bounds the concurrency of this replica, by design, like a
// process-wide rate.Limiter; nothing is queued for another request.
func semaphore(st *state) bool {
	if st.shape != shapeChan {
		return false
	}
	received := map[*handlers.Entry]bool{}
	for _, r := range st.reads {
		if r.e.What == "receive" {
			received[r.entry] = true
		}
	}
	for _, w := range st.writes {
		if w.e.What == "send" && received[w.entry] {
			return true
		}
	}
	return false
}

// orderFindings reports reads of st in a handler when a different handler
// writes it: the reader assumes it lands on the replica the writer did.
// A read site shared by many handlers (a session lookup helper) is
// reported once.
func (a *analyzer) orderFindings(st *state) []Finding {
	if len(st.writes) == 0 || len(st.reads) == 0 {
		return nil
	}
	if _, kind := classify(st); !orderMatters(kind) {
		return nil
	}
	var sites [][]occurrence
	for _, occs := range bySite(st.reads) {
		var readers []occurrence
		for _, r := range occs {
			if _, ok := a.otherWriter(st.writes, r); ok {
				readers = append(readers, r)
			}
		}
		if len(readers) > 0 {
			sites = append(sites, readers)
		}
	}
	var out []Finding
	for _, group := range a.byFunc(sites) {
		r := a.best(group[0])
		w, _ := a.otherWriter(st.writes, r)
		rel := a.chain(r, fmt.Sprintf("%s of %s", r.e.What, st.display))
		rel = append(rel, a.alsoAt(group[1:], st.display)...)
		rel = append(rel, a.chain(w, fmt.Sprintf("%s keeps %s here", a.handlerName(w.entry), st.display))...)
		out = append(out, Finding{
			Check: "requestorder", Kind: "order", Pos: r.pos, State: st.display,
			Handler: a.handlerName(r.entry), Writer: a.handlerName(w.entry), What: r.e.What,
			Related: rel, decl: st.decl, stateKey: st.key,
		})
	}
	return out
}

// otherWriter returns the best write by a handler other than reader. A
// writer that reaches the write through the reader itself (a dispatcher
// calling handlers by hand) is the same request, not another one.
func (a *analyzer) otherWriter(writes []occurrence, r occurrence) (occurrence, bool) {
	var others []occurrence
	for _, w := range writes {
		if w.entry == r.entry || a.handlerName(w.entry) == a.handlerName(r.entry) ||
			a.passesThrough(w, r.entry) || a.passesThrough(r, w.entry) {
			continue
		}
		others = append(others, w)
	}
	if len(others) == 0 {
		return occurrence{}, false
	}
	return a.best(others), true
}

// passesThrough reports whether o reaches its site through entry's
// function: the same request as entry's, dispatched by hand.
func (a *analyzer) passesThrough(o occurrence, entry *handlers.Entry) bool {
	name := displayFunc(a.ssaPkg, entry.Fn)
	return slices.ContainsFunc(o.e.Via, func(h Hop) bool { return h.Callee == name })
}

// orderMatters: caches tolerate misses, and rate limiters and connection
// registries are reported by memstore for what they are.
func orderMatters(kind string) bool {
	switch kind {
	case "cache", "ratelimit", "websocket", "queue":
		return false
	}
	return true
}

// fileFindings reports each local-filesystem write site.
func (a *analyzer) fileFindings(files []occurrence) []Finding {
	var out []Finding
	for _, occs := range bySite(files) {
		o := a.best(occs)
		kind := "file"
		if o.e.Op == LocalDB {
			kind = "localdb"
		}
		out = append(out, Finding{
			Check: "fswrite", Kind: kind, Pos: o.pos, State: o.e.Key,
			Handler: a.handlerName(o.entry), What: o.e.What,
			Related: a.chain(o, o.e.What), site: o.e.Posn,
		})
	}
	return out
}

// fileOrderFindings reports a handler reading local files from the place
// another handler writes them: a download after an upload.
func (a *analyzer) fileOrderFindings(writes, reads []occurrence) []Finding {
	var out []Finding
	done := map[string]bool{}
	for _, r := range reads {
		if r.e.Key == "" || done[r.e.Key+"|"+a.handlerName(r.entry)] {
			continue
		}
		var same []occurrence
		for _, w := range writes {
			if w.e.Key == r.e.Key {
				same = append(same, w)
			}
		}
		w, ok := a.otherWriter(same, r)
		if !ok {
			continue
		}
		done[r.e.Key+"|"+a.handlerName(r.entry)] = true
		display := "files in " + keyDisplay(r.e.Key)
		rel := a.chain(r, r.e.What)
		rel = append(rel, a.chain(w, fmt.Sprintf("%s writes %s here", a.handlerName(w.entry), display))...)
		out = append(out, Finding{
			Check: "requestorder", Kind: "order", Pos: r.pos, State: display,
			Handler: a.handlerName(r.entry), Writer: a.handlerName(w.entry), What: r.e.What, Related: rel,
		})
	}
	return out
}

// keyDisplay renders a file key ("var:pkg.uploadDir", "/tmp/uploads").
func keyDisplay(key string) string {
	if v, ok := strings.CutPrefix(key, "var:"); ok {
		return lastElem(v)
	}
	return key
}

// chain renders the path from the handler to the site as related
// information, one entry per hop. Hops outside this package have no
// position here; they are named, with where they are, in the message of
// the last hop inside it.
func (a *analyzer) chain(o occurrence, site string) []analysis.RelatedInformation {
	out := []analysis.RelatedInformation{{Pos: o.entry.Fn.Pos(), Message: a.handlerName(o.entry) + " is on the request path"}}
	var remote []string
	for _, h := range o.e.Via {
		if h.pos.IsValid() {
			out = append(out, analysis.RelatedInformation{Pos: h.pos, Message: "calls " + h.Callee})
		} else {
			remote = append(remote, h.Callee+" ("+h.Posn+")")
		}
	}
	if len(remote) > 0 {
		out[len(out)-1].Message += ", then " + strings.Join(remote, ", then ")
	}
	if o.e.pos.IsValid() {
		out = append(out, analysis.RelatedInformation{Pos: o.e.pos, Message: site})
	} else {
		out[len(out)-1].Message += ": " + site + " at " + o.e.Posn
	}
	return out
}
