// Package witness picks, among the ways request paths reach a piece of
// state, the one a finding shows, and renders it as related information:
// the handler, one entry per call on the way, and the site. Like
// govulncheck's witnesses, it shows one shortest chain, preferring a
// handler with a route, since that is what users search their code for.
package witness

import (
	"cmp"
	"go/token"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/handlers"
	"github.com/statelint/statelint/passes/internal/summary"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// An Occurrence is one effect reached from one entry point.
type Occurrence struct {
	Entry  *handlers.Entry
	Effect summary.Effect
	Pos    token.Pos // where to report: the site, or the last call in this package
}

// Remote reports whether the site lies behind a call into another
// package.
func (o Occurrence) Remote() bool { return !o.Effect.Pos().IsValid() }

// A Picker picks and renders witnesses for the functions of one package.
type Picker struct {
	pkg    *ssa.Package
	bodies [][2]token.Pos // source ranges of the package's functions
}

// New returns a picker for the functions funcs of pkg.
func New(pkg *ssa.Package, funcs []*ssa.Function) *Picker {
	p := &Picker{pkg: pkg}
	for _, fn := range funcs {
		if syn := fn.Syntax(); syn != nil {
			p.bodies = append(p.bodies, [2]token.Pos{syn.Pos(), syn.End()})
		}
	}
	return p
}

// ReportPos is where a finding for e is reported: at the site when it is
// in this package, else at the last call in this package that leads to it.
func ReportPos(e summary.Effect) token.Pos {
	if e.Pos().IsValid() {
		return e.Pos()
	}
	for i := len(e.Via) - 1; i >= 0; i-- {
		if e.Via[i].Pos().IsValid() {
			return e.Via[i].Pos()
		}
	}
	return token.NoPos
}

// Handler names an entry point for messages: its route when known, else
// the function as Go's stack traces name it.
func (p *Picker) Handler(e *handlers.Entry) string {
	return e.Name(func(fn *ssa.Function) string { return summary.DisplayFunc(p.pkg, fn) })
}

// Func names a function of this package or another for messages.
func (p *Picker) Func(fn *ssa.Function) string { return summary.DisplayFunc(p.pkg, fn) }

// Best picks, among occurrences of one state, the one a finding names:
// the writer that creates rather than removes (Creates), then a handler
// with a route, then the shortest chain, then the first handler by name,
// for a stable message.
func (p *Picker) Best(occs []Occurrence) Occurrence { return p.BestBy(occs, nil) }

// BestBy is Best with rank, when not nil, deciding right after Creates:
// what the kind of the state says shows it best.
func (p *Picker) BestBy(occs []Occurrence, rank func(Occurrence) int) Occurrence {
	unrouted := func(o Occurrence) int {
		if len(o.Entry.Routes) > 0 {
			return 0
		}
		return 1
	}
	if rank == nil {
		rank = func(Occurrence) int { return 0 }
	}
	return slices.MinFunc(occs, func(x, y Occurrence) int {
		return cmp.Or(cmp.Compare(Creates(x), Creates(y)), cmp.Compare(rank(x), rank(y)), cmp.Compare(unrouted(x), unrouted(y)),
			cmp.Compare(len(x.Effect.Via), len(y.Effect.Via)), cmp.Compare(p.Handler(x.Entry), p.Handler(y.Entry)))
	})
}

// Creates ranks how an occurrence changes its state, lowest first: a
// handler routed for POST, PUT or PATCH puts data in; a removal (the
// delete and clear builtins, a call knowledge.Removes names) or a handler
// routed for DELETE takes it out. The writer a finding names is the one
// that creates the state, since that is where the data comes from.
func Creates(o Occurrence) int {
	rank := 1
	for _, r := range o.Entry.Routes {
		if rk := RouteCreates(r); rk != 1 {
			rank = rk
		}
	}
	if knowledge.Removes(o.Effect.What) {
		rank += 3
	}
	return rank
}

// RouteCreates ranks a route ("POST /items") by what it does to data,
// lowest first: POST, PUT or PATCH put it in (0), DELETE takes it out
// (2), the rest and a route without a method are 1.
func RouteCreates(route string) int {
	method, _, ok := strings.Cut(route, " ")
	switch {
	case !ok:
	case method == "POST" || method == "PUT" || method == "PATCH":
		return 0
	case method == "DELETE":
		return 2
	}
	return 1
}

// BySite groups occurrences by report position, in position order.
func BySite(occs []Occurrence) [][]Occurrence {
	m := map[token.Pos][]Occurrence{}
	var keys []token.Pos
	for _, o := range occs {
		if _, ok := m[o.Pos]; !ok {
			keys = append(keys, o.Pos)
		}
		m[o.Pos] = append(m[o.Pos], o)
	}
	slices.Sort(keys)
	out := make([][]Occurrence, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

// ByFunc groups sites (as BySite returns them, in position order) by the
// function of this package whose body holds their report position.
func (p *Picker) ByFunc(sites [][]Occurrence) [][][]Occurrence {
	var out [][][]Occurrence
	index := map[token.Pos]int{}
	for _, occs := range sites {
		fn := p.Enclosing(occs[0].Pos)
		if i, ok := index[fn]; ok && fn.IsValid() {
			out[i] = append(out[i], occs)
			continue
		}
		index[fn] = len(out)
		out = append(out, [][]Occurrence{occs})
	}
	return out
}

// Enclosing returns the start of the innermost function or literal of
// this package whose syntax holds pos, or NoPos.
func (p *Picker) Enclosing(pos token.Pos) token.Pos {
	best := [2]token.Pos{}
	for _, b := range p.bodies {
		if b[0] <= pos && pos < b[1] && b[0] > best[0] {
			best = b
		}
	}
	return best[0]
}

// PassesThrough reports whether o reaches its site through entry's
// function: the same request as entry's, dispatched by hand.
func (p *Picker) PassesThrough(o Occurrence, entry *handlers.Entry) bool {
	name := p.Func(entry.Fn)
	return slices.ContainsFunc(o.Effect.Via, func(h summary.Hop) bool { return h.Callee == name })
}

// OtherWriter returns the best write by a handler other than reader's. A
// writer that reaches the write through the reader itself (a dispatcher
// calling handlers by hand) is the same request, not another one.
func (p *Picker) OtherWriter(writes []Occurrence, r Occurrence) (Occurrence, bool) {
	var others []Occurrence
	for _, w := range writes {
		if w.Entry == r.Entry || p.Handler(w.Entry) == p.Handler(r.Entry) ||
			p.PassesThrough(w, r.Entry) || p.PassesThrough(r, w.Entry) {
			continue
		}
		others = append(others, w)
	}
	if len(others) == 0 {
		return Occurrence{}, false
	}
	return p.Best(others), true
}

// Chain renders the path from the handler to the site as related
// information, one entry per hop, ending with site, which says what
// happens there. Hops outside this package have no position here; they
// are named, with where they are, in the message of the last hop inside
// it.
func (p *Picker) Chain(o Occurrence, site string) []analysis.RelatedInformation {
	out := []analysis.RelatedInformation{{Pos: o.Entry.Fn.Pos(), Message: p.Handler(o.Entry) + " is on the request path"}}
	var remote []string
	for _, h := range o.Effect.Via {
		if h.Pos().IsValid() {
			out = append(out, analysis.RelatedInformation{Pos: h.Pos(), Message: "calls " + h.Callee})
		} else {
			remote = append(remote, h.Callee+" ("+h.Posn+")")
		}
	}
	if len(remote) > 0 {
		out[len(out)-1].Message += ", then " + strings.Join(remote, ", then ")
	}
	if o.Effect.Pos().IsValid() {
		out = append(out, analysis.RelatedInformation{Pos: o.Effect.Pos(), Message: site})
	} else {
		out[len(out)-1].Message += ": " + site + " at " + o.Effect.Posn
	}
	return out
}
