package state

import (
	"cmp"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/ssautil"
	"github.com/statelint/statelint/passes/internal/summary"
	"github.com/statelint/statelint/passes/internal/typeshape"
	"github.com/statelint/statelint/passes/internal/witness"
	"golang.org/x/tools/go/ssa"
)

// A Write is one unit of state to move: where the handlers of this
// package write one piece of state, reported at one site (At, the
// creating writer's), with the unit's other sites in Also and, for the
// parts of one component, the other parts (Parts, each a unit of its own
// kind). Readers are the other handlers that read state one request
// leaves for a later one: the request order the finding also tells.
type Write struct {
	State   *State
	At      witness.Occurrence     // the site reported, with the best chain to it
	Also    [][]witness.Occurrence // the unit's further sites of the state
	Parts   []*Write               // the other parts of the same component
	Readers []witness.Occurrence   // the best read of each other handler, for transient kinds
	entries map[*handlers.Entry]bool
	owner   string    // the component the unit's state is a part of
	remote  bool      // the component is another package's, see State.Owner
	fn      token.Pos // the function of this package the unit is reported in

	// For a unit a directive silenced: the directives, and whether the
	// Ignored fact of the package declaring the state silenced it.
	Silencing []*directives.Directive
	Imported  bool
}

// Kind is the unit's kind of state.
func (w *Write) Kind() knowledge.KindName { return w.State.Kind }

// Writers are the unit's other writing entry points, in source order:
// the handlers that reach its sites besides the one it is reported for.
func (w *Write) Writers() []*handlers.Entry {
	var out []*handlers.Entry
	for e := range w.entries {
		if e != w.At.Entry {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(x, y *handlers.Entry) int { return cmp.Compare(x.Fn.Pos(), y.Fn.Pos()) })
	return out
}

// writeUnits reports where request paths write each state: one unit per
// handler that writes it, where handlers that reach one site (a helper
// they share, the middleware and the closure it returns) are one unit,
// since that site is what a user changes. A unit silenced by a directive
// is set apart in silenced (dirs, recorded in used), and then the units
// of one component are merged into one naming its parts.
func (a *finder) writeUnits(states []*State, dirs *directives.Result, used directives.Use) (units, silenced []*Write) {
	var out []*Write
	comp := a.components()
	for _, st := range states {
		if len(st.Writes) == 0 || st.Semaphore() {
			continue
		}
		owner, remote := st.Owner, st.Owner != ""
		if owner == "" {
			owner = comp.of(st)
		}
		for _, sites := range a.handlerUnits(st) {
			w := a.unit(st, sites)
			w.owner, w.remote, w.fn = owner, remote, a.wit.Enclosing(w.At.Pos)
			out = append(out, w)
		}
	}
	out = dedup(out)
	out = slices.DeleteFunc(out, func(w *Write) bool {
		k, _ := knowledge.KindByName(w.Kind())
		w.Silencing, w.Imported = dirs.Silencing(k.Check, w.At.Pos, w.State.Decl, w.State.Key)
		used.Add(w.Silencing)
		if len(w.Silencing) > 0 || w.Imported {
			silenced = append(silenced, w)
			return true
		}
		return false
	})
	return bookkeeping(byOwner(out)), silenced
}

// bookkeeping folds into a cache the other variables its handler
// captures from the function that made them together and writes only
// where it writes the cache: a cache middleware's expiry heap and its
// count of stored bytes (heap := &indexedHeap{}; var storedBytes uint)
// index the entries of the cache and go wherever the cache goes. Other
// fields of the variable holding the cache are not folded: a captured
// configuration holds separate stores. Only a
// cache leads; other captured state (a hub's clients beside its
// history) stays a unit of its own.
func bookkeeping(ws []*Write) []*Write {
	lead := map[*ssa.Function]*Write{}
	for _, w := range ws {
		if w.State.rootKind != summary.Free || w.At.Entry == nil {
			continue
		}
		if w.Kind() == knowledge.Cache && lead[w.At.Entry.Fn] == nil {
			lead[w.At.Entry.Fn] = w
		}
	}
	if len(lead) == 0 {
		return ws
	}
	out := ws[:0]
	for _, w := range ws {
		l := lead[entryFn(w)]
		if l == nil || l == w || w.State.rootKind != summary.Free || sameRoot(w.State, l.State) || !within(w.entries, l.entries) {
			out = append(out, w)
			continue
		}
		l.Parts = append(l.Parts, w)
		l.Parts = append(l.Parts, w.Parts...)
		w.Parts = nil
	}
	return out
}

// sameRoot reports whether two states lie in one variable: the fields of
// one captured configuration (cfg.Lock, cfg.Storage) are separate stores.
func sameRoot(x, y *State) bool {
	return x.Decl == y.Decl // a captured variable's declaration (stateOf)
}

func entryFn(w *Write) *ssa.Function {
	if w.At.Entry == nil {
		return nil
	}
	return w.At.Entry.Fn
}

// within reports whether every entry of x is one of y.
func within(x, y map[*handlers.Entry]bool) bool {
	for e := range x {
		if !y[e] {
			return false
		}
	}
	return true
}

// handlerUnits splits the write sites of st into units: sites that share
// a handler are one unit, and so are handlers that share a site, here or
// behind calls into another package (ten handlers calling the functions
// of a storage package that all fill its one envelope cache).
func (a *finder) handlerUnits(st *State) [][][]witness.Occurrence {
	sites := witness.BySite(st.Writes)
	parent := make([]int, len(sites))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[*handlers.Entry]int{} // the first site of each handler
	remote := map[string]int{}         // the first site reaching each site in another package
	for i, occs := range sites {
		for _, o := range occs {
			if j, ok := first[o.Entry]; ok {
				parent[find(i)] = find(j)
			} else {
				first[o.Entry] = i
			}
			if !o.Remote() {
				continue
			}
			if j, ok := remote[o.Effect.Posn]; ok {
				parent[find(i)] = find(j)
			} else {
				remote[o.Effect.Posn] = i
			}
		}
	}
	var out [][][]witness.Occurrence
	index := map[int]int{}
	for i, occs := range sites {
		r := find(i)
		k, ok := index[r]
		if !ok {
			k = len(out)
			index[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], occs)
	}
	return out
}

// unit makes the write unit of st at sites: reported at the best
// occurrence of all, the creating writer's, with the other sites as
// further sites.
func (a *finder) unit(st *State, sites [][]witness.Occurrence) *Write {
	var all []witness.Occurrence
	for _, occs := range sites {
		all = append(all, occs...)
	}
	at := a.wit.BestBy(all, kindRank(st.Kind))
	w := &Write{State: st, At: at, entries: map[*handlers.Entry]bool{}}
	for _, o := range all {
		w.entries[o.Entry] = true
	}
	for _, occs := range sites {
		if occs[0].Pos != at.Pos {
			w.Also = append(w.Also, occs)
		}
	}
	w.Readers = a.readers(st, w.entries)
	return w
}

// kindRank ranks the writes of a state of kind by how well they show
// it: for a container, writes of the container (a registry's Add) before
// those that change a field of an entry in place (a session's
// transport); a count (a limiter's hits per client) shows as well in an
// entry as in the container, and the default order decides.
func kindRank(kind knowledge.KindName) func(witness.Occurrence) int {
	if k, _ := knowledge.KindByName(kind); !k.Container || k.Counts {
		return nil
	}
	return func(o witness.Occurrence) int {
		if o.Effect.Entry != "" {
			return 1
		}
		return 0
	}
}

// readers returns, for state one request leaves for a later one, the
// best read of each handler that reads it without writing it in the
// unit: the handler that assumes it lands on the writer's replica. A
// handler that reaches the read through a writer of the unit (a
// dispatcher calling handlers by hand) is the same request.
func (a *finder) readers(st *State, writers map[*handlers.Entry]bool) []witness.Occurrence {
	if k, ok := knowledge.KindByName(st.Kind); !ok || !k.Transient {
		return nil
	}
	byEntry := map[*handlers.Entry][]witness.Occurrence{}
	var order []*handlers.Entry
	for _, r := range st.Reads {
		if writers[r.Entry] || a.sameRequest(r, writers) {
			continue
		}
		if _, ok := byEntry[r.Entry]; !ok {
			order = append(order, r.Entry)
		}
		byEntry[r.Entry] = append(byEntry[r.Entry], r)
	}
	var out []witness.Occurrence
	seen := map[string]bool{}
	for _, e := range order {
		name := a.wit.Handler(e)
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, a.wit.Best(byEntry[e]))
	}
	return out
}

// sameRequest reports whether read r is the request of one of writers:
// the same handler by name, or one reaching the other by hand.
func (a *finder) sameRequest(r witness.Occurrence, writers map[*handlers.Entry]bool) bool {
	for e := range writers {
		if a.wit.Handler(e) == a.wit.Handler(r.Entry) || a.wit.PassesThrough(r, e) {
			return true
		}
	}
	return false
}

// dedup keeps one unit per site and check: one object reached two ways
// (a method's receiver, and the global the dispatcher calls the method
// on; a manager's field, and the same field through the closure its
// middleware returns) is one finding at its site. When the two ways
// classify it differently, a cache loses: that kind only claims a miss is
// harmless, and the other way's evidence says what the data is. Distinct
// sites reported at one call into another package stay distinct.
func dedup(ws []*Write) []*Write {
	check := func(w *Write) string { k, _ := knowledge.KindByName(w.Kind()); return k.Check }
	cache := func(w *Write) int {
		if w.Kind() == knowledge.Cache {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(ws, func(x, y *Write) int {
		return cmp.Or(cmp.Compare(x.At.Pos, y.At.Pos), cmp.Compare(check(x), check(y)),
			cmp.Compare(x.At.Effect.Posn, y.At.Effect.Posn), cmp.Compare(cache(x), cache(y)), cmp.Compare(x.State.Display(), y.State.Display()))
	})
	var out []*Write
	for _, w := range ws {
		if n := len(out); n > 0 {
			if kept := out[n-1]; kept.At.Pos == w.At.Pos && kept.At.Effect.Posn == w.At.Effect.Posn && check(kept) == check(w) {
				for e := range w.entries {
					kept.entries[e] = true
				}
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// byOwner merges the units of one component into one naming its parts:
// the unexported variables of another package (fs/cache's cache, remap
// and childParentMap), the internals of a value of another package's
// type (server.vfs.root.items and .virtual), or the fields of a value of
// this package that its own methods write (a limiter's windows and
// counters, behind one call). What a user can move is the component, not
// its fields. Units of a component of another package merge where they
// are reported in one function (behind its calls); units of one of this
// package, whose sites lie in its methods, merge where they share a
// handler.
// The unit that stays is the first container by name, else the first
// scalar; the others become its parts.
func byOwner(ws []*Write) []*Write {
	container := func(w *Write) int {
		if k, _ := knowledge.KindByName(w.Kind()); k.Container {
			return 0
		}
		return 1
	}
	members := map[string][]int{}
	var owners []string
	for i, w := range ws {
		if w.owner == "" || w.remote && !w.At.Remote() {
			continue // another package's state written here is not behind its calls
		}
		if _, ok := members[w.owner]; !ok {
			owners = append(owners, w.owner)
		}
		members[w.owner] = append(members[w.owner], i)
	}
	drop := map[int]bool{}
	for _, owner := range owners {
		for _, idx := range groupsOf(ws, members[owner]) {
			slices.SortFunc(idx, func(i, j int) int {
				return cmp.Or(cmp.Compare(container(ws[i]), container(ws[j])), cmp.Compare(ws[i].State.Display(), ws[j].State.Display()))
			})
			lead := ws[idx[0]]
			for _, i := range idx[1:] {
				drop[i] = true
				lead.Parts = append(lead.Parts, ws[i])
				for e := range ws[i].entries {
					lead.entries[e] = true
				}
			}
		}
	}
	out := ws[:0]
	for i, w := range ws {
		if !drop[i] {
			out = append(out, w)
		}
	}
	return out
}

// groupsOf splits the units of one component (indexes into ws) into the
// groups that merge: for another package's component, those reported in
// one function; for one of this package, those that share a handler.
func groupsOf(ws []*Write, idx []int) [][]int {
	var out [][]int
	if ws[idx[0]].remote {
		byFn := map[token.Pos]int{}
		for _, i := range idx {
			fn := ws[i].fn
			if k, ok := byFn[fn]; ok && fn.IsValid() {
				out[k] = append(out[k], i)
				continue
			}
			byFn[fn] = len(out)
			out = append(out, []int{i})
		}
		return out
	}
	var writers []map[*handlers.Entry]bool
	for _, i := range idx {
		k := slices.IndexFunc(writers, func(es map[*handlers.Entry]bool) bool { return shareEntry(es, ws[i].entries) })
		if k < 0 {
			out = append(out, []int{i})
			writers = append(writers, copyEntries(ws[i].entries))
			continue
		}
		out[k] = append(out[k], i)
		for e := range ws[i].entries {
			writers[k][e] = true
		}
	}
	return out
}

func shareEntry(x, y map[*handlers.Entry]bool) bool {
	for e := range y {
		if x[e] {
			return true
		}
	}
	return false
}

func copyEntries(m map[*handlers.Entry]bool) map[*handlers.Entry]bool {
	out := make(map[*handlers.Entry]bool, len(m))
	for e := range m {
		out[e] = true
	}
	return out
}

// A componentFinder finds the components of this package that
// encapsulate state: a value whose own methods write its fields.
type componentFinder struct {
	a     *finder
	funcs map[token.Pos]*ssa.Function // by the start of their syntax
}

func (a *finder) components() *componentFinder {
	c := &componentFinder{a: a, funcs: map[token.Pos]*ssa.Function{}}
	for _, fn := range a.funcs {
		if syn := fn.Syntax(); syn != nil {
			c.funcs[syn.Pos()] = fn
		}
	}
	return c
}

// of names the component that encapsulates st, or "": the value at a
// prefix of st's path whose type's methods hold every write site of st,
// each behind a call from the handler (a *localCounter behind a limiter's
// LimitCounter interface, whose IncrementBy writes its windows and
// counters). A handler's own receiver is no component: its fields are
// the handler's separate pieces of state.
func (c *componentFinder) of(st *State) string {
	if st.root == nil || st.path == "" {
		return ""
	}
	var recv types.Type
	for _, o := range st.Writes {
		fn := c.funcs[c.a.wit.Enclosing(o.Effect.Pos())]
		if fn == nil || fn.Signature.Recv() == nil || len(o.Effect.Via) == 0 {
			return ""
		}
		t := typeshape.Deref(fn.Signature.Recv().Type())
		if recv != nil && !types.Identical(recv, t) {
			return ""
		}
		recv = t
	}
	return componentPrefix(st, recv)
}

// componentPrefix walks st's field path from its root to the last value,
// before the state itself, that is a recv or an interface recv
// implements, and names it "<key of the root>.prefix".
func componentPrefix(st *State, recv types.Type) string {
	fields := strings.Split(st.path, ".") // the root itself first, as ""
	t, prefix, best := st.root, "", ""
	for i, name := range fields[:len(fields)-1] {
		if i > 0 {
			f := ssautil.FieldNamed(t, name)
			if f == nil {
				return best
			}
			prefix += "." + name
			t = f.Type()
		} else if st.rootKind == summary.Param {
			continue // the handler's receiver
		}
		if isOrImplements(t, recv) {
			best, t = strings.TrimSuffix(st.Key, st.path)+prefix, recv
		}
	}
	return best
}

// isOrImplements reports whether a value of type t is a recv: the type
// itself, a pointer to it, or an interface it implements.
func isOrImplements(t, recv types.Type) bool {
	if types.Identical(typeshape.Deref(t), recv) {
		return true
	}
	if iface, ok := t.Underlying().(*types.Interface); ok && !iface.Empty() {
		return types.Implements(types.NewPointer(recv), iface) || types.Implements(recv, iface)
	}
	return false
}
