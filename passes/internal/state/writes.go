package state

import (
	"cmp"
	"go/token"
	"slices"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/directives"
	"github.com/statelint/statelint/passes/internal/witness"
)

// A Write is one unit of state to move: where one function of this
// package writes one piece of state (at its first site, the others in
// Also) or, through calls into another component, several parts of it
// (Parts, each a unit of its own kind).
type Write struct {
	State *State
	At    witness.Occurrence     // the site reported, with the best chain to it
	Also  [][]witness.Occurrence // the function's further sites of the state
	Parts []*Write               // the other parts of the same component, reached in the same function
	fn    token.Pos              // the function of this package that reaches the site

	// For a unit a directive silenced: the directives, and whether the
	// Ignored fact of the package declaring the state silenced it.
	Silencing []*directives.Directive
	Imported  bool
}

// Kind is the unit's kind of state.
func (w *Write) Kind() knowledge.KindName { return w.State.Kind }

// writeUnits reports where request paths write each state: once per
// function of this package, at its first site, with the function's other
// sites of the state as further sites. Three writes to one rate-limit
// table in one middleware are one piece of state to move, not three. A
// unit silenced by a directive is set apart (dirs, recorded in used) in
// silenced, and then the units of one function on one other component are
// merged.
func (a *finder) writeUnits(states []*State, dirs *directives.Result, used directives.Use) (units, silenced []*Write) {
	var out []*Write
	for _, st := range states {
		if len(st.Writes) == 0 || st.Semaphore() {
			continue
		}
		for _, sites := range a.wit.ByFunc(witness.BySite(st.Writes)) {
			o := a.wit.Best(sites[0])
			out = append(out, &Write{State: st, At: o, Also: sites[1:], fn: a.wit.Enclosing(o.Pos)})
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
	return byOwner(out), silenced
}

// dedup keeps one unit per site and kind: one object reached two ways (a
// method's receiver, and the global the dispatcher calls the method on)
// is one finding at its site. Distinct sites reported at one call into
// another package stay distinct.
func dedup(ws []*Write) []*Write {
	check := func(w *Write) string { k, _ := knowledge.KindByName(w.Kind()); return k.Check }
	slices.SortStableFunc(ws, func(x, y *Write) int {
		return cmp.Or(cmp.Compare(x.At.Pos, y.At.Pos), cmp.Compare(check(x), check(y)),
			cmp.Compare(x.At.Effect.Posn, y.At.Effect.Posn), cmp.Compare(x.State.Display(), y.State.Display()))
	})
	return slices.CompactFunc(ws, func(x, y *Write) bool {
		return x.At.Pos == y.At.Pos && x.At.Effect.Posn == y.At.Effect.Posn && x.Kind() == y.Kind()
	})
}

// byOwner merges the units of one function on state that one other
// component encapsulates: the unexported variables of another package
// (fs/cache's cache, remap and childParentMap) or the internals of a value
// of another package's type (server.vfs.root.items and .virtual), written
// by that component's own code behind a call. What a user can move is the
// component, not its fields; four findings at one call were one decision.
// The unit that stays is the first container by name, else the first
// scalar; the others become its parts.
func byOwner(ws []*Write) []*Write {
	type group struct {
		fn    token.Pos
		owner string
	}
	members := map[group][]int{}
	for i, w := range ws {
		if w.State.Owner != "" && w.At.Remote() && w.fn.IsValid() {
			g := group{w.fn, w.State.Owner}
			members[g] = append(members[g], i)
		}
	}
	container := func(w *Write) int {
		if k, _ := knowledge.KindByName(w.Kind()); k.Container {
			return 0
		}
		return 1
	}
	drop := map[int]bool{}
	for _, idx := range members {
		if len(idx) < 2 {
			continue
		}
		slices.SortFunc(idx, func(i, j int) int {
			return cmp.Or(cmp.Compare(container(ws[i]), container(ws[j])), cmp.Compare(ws[i].State.Display(), ws[j].State.Display()))
		})
		lead := ws[idx[0]]
		for _, i := range idx[1:] {
			drop[i] = true
			lead.Parts = append(lead.Parts, ws[i])
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
