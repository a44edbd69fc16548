// Package inventory builds the state inventory of a service: every route
// with the state it writes and reads and whether it is safe behind a
// round-robin load balancer, every piece of per-instance state with the
// routes that reach it, what breaks with a second replica and where it
// should live, the shared stores the module already has clients for, and
// the state that directives accept. It is the audit that comes before
// making a service stateless; the findings of the checks gate changes.
//
// The parts come from the inventory pass (passes/inventory), one per
// package; Build merges them, and the writers render Markdown (with a
// Mermaid graph) and JSON. Output depends only on the parts: it is sorted
// throughout and byte-identical between runs.
package inventory

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
)

// An Inventory is the whole report.
type Inventory struct {
	Summary  string   `json:"summary"`
	Counts   Counts   `json:"counts"`
	Routes   []Route  `json:"routes"`
	States   []State  `json:"states"`
	Accepted []State  `json:"accepted"`
	Targets  []Target `json:"targets"`
}

// Counts are the figures of the summary line.
type Counts struct {
	States    int `json:"states"`    // reported pieces of state
	Accepted  int `json:"accepted"`  // pieces of state every finding of which a directive accepts
	New       int `json:"new"`       // pieces of state with a finding the baseline does not hold
	Routes    int `json:"routes"`    // routes and unrouted entry points
	Stateless int `json:"stateless"` // those that touch no state
}

// A Route is one route of the service, or an entry point whose route is
// not known, with the state it touches.
type Route struct {
	Route     string   `json:"route,omitempty"` // "POST /login"; empty when not known
	Handler   string   `json:"handler"`
	Framework string   `json:"framework"`
	Pos       Position `json:"pos"`
	Writes    []string `json:"writes"` // state IDs
	Reads     []string `json:"reads"`
	Stateless bool     `json:"stateless"`
}

// Name is how the report names the route.
func (r Route) Name() string {
	if r.Route != "" {
		return r.Route
	}
	return r.Handler
}

// A State is one piece of per-instance state.
type State struct {
	ID      string    `json:"id"`  // "S1", in report order
	Key     string    `json:"key"` // its identity across packages
	Name    string    `json:"name"`
	Kind    string    `json:"kind"`
	Title   string    `json:"title"`
	Checks  []string  `json:"checks"`
	Decl    *Position `json:"decl,omitempty"`
	Writers []Use     `json:"writers"`
	Readers []Use     `json:"readers"`
	// Background says how the state is reached when no route does: a
	// store the library writes on every request it serves, or work
	// scheduled on every replica.
	Background string    `json:"background,omitempty"`
	Breaks     string    `json:"breaks"`
	Advice     string    `json:"advice"`
	Targets    []string  `json:"targets"`
	Findings   []Finding `json:"findings"`
	Reason     string    `json:"reason,omitempty"` // for accepted state: why
	New        bool      `json:"new,omitempty"`    // with a baseline: the change adds it
}

// A Use is a route or entry point that writes or reads a piece of state,
// with the shortest chain to one site.
type Use struct {
	Route   string `json:"route"` // Route.Name
	Handler string `json:"handler"`
	Access  string `json:"access"` // writes, reads, locks
	Chain   []Step `json:"chain"`
}

// A Finding is a finding of a check on a piece of state.
type Finding struct {
	Check    string   `json:"check"`
	Kind     string   `json:"kind"`
	Pos      Position `json:"pos"`
	Message  string   `json:"message"`
	Accepted string   `json:"accepted,omitempty"` // the directive's reason
	New      bool     `json:"new,omitempty"`
}

// A Target is a shared store that some of the state should move to.
type Target struct {
	Name    string   `json:"name"`
	Holds   string   `json:"holds"`
	For     []string `json:"for"`     // state IDs whose advice names it
	Clients []Client `json:"clients"` // modules of go.mod that are clients of it
	Suggest string   `json:"suggest,omitempty"`
}

// A Client is a required module that is a client of a target.
type Client struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Indirect bool   `json:"indirect,omitempty"`
}

// Options are what Build needs besides the parts.
type Options struct {
	// Rel makes a file name relative to the run's directory.
	Rel func(string) string
	// Requires are the modules the service's go.mod files require.
	Requires []Client
	// Modules are the paths of the modules analysed: handlers are named
	// by their package path within them, as Go's stack traces name them
	// ("api.(*Server).login" in module example.com/shop).
	Modules []string
	// New, when set, says whether a finding is one the baseline does not
	// hold: the inventory then marks the state a change adds.
	New func(check string, pos Position, message string) bool
}

// Build merges the parts of every package into the inventory. A piece of
// state is in it only if a check reported or accepted a finding on it;
// every such finding is listed under its state.
func Build(parts []*Part, opt Options) *Inventory {
	b := &builder{opt: opt, states: map[string]*State{}, routes: map[string]*Route{},
		reported: map[string]bool{}, findings: map[string]bool{}}
	for _, p := range parts {
		for _, e := range p.Entries {
			b.entry(e)
		}
	}
	for _, p := range parts {
		for _, r := range p.Records {
			b.record(r)
		}
	}
	// The accesses give each use its own shortest chain; a record's
	// related information adds what the state pass does not see (a lock,
	// a read that the other handler's write explains).
	for _, p := range parts {
		for _, a := range p.Accesses {
			if st := b.states[a.State]; st != nil {
				b.use(st, a.Entry, a.Op, a.Chain)
			}
		}
	}
	for _, p := range parts {
		for _, r := range p.Records {
			switch {
			case r.Entry != nil:
				b.use(b.states[r.State], *r.Entry, useOp(r.Access), r.Chain)
			case r.Route != "":
				b.useRoute(b.states[r.State], r.Route, r.Chain)
			}
		}
	}
	return b.finish()
}

type builder struct {
	opt      Options
	states   map[string]*State
	reported map[string]bool // state keys with a finding that was reported
	routes   map[string]*Route
	findings map[string]bool
}

func (b *builder) rel(p Position) Position {
	if p.File != "" && b.opt.Rel != nil {
		p.File = b.opt.Rel(p.File)
	}
	return p
}

// relKey makes the file of a position-based key ("file@/abs/x.go:3:4")
// relative, as every file name of the report is.
func (b *builder) relKey(key string) string {
	what, posn, ok := strings.Cut(key, "@")
	if !ok || b.opt.Rel == nil {
		return key
	}
	file, rest := posn, ""
	for range 2 { // strip ":col" then ":line"
		if i := strings.LastIndex(file, ":"); i >= 0 {
			file, rest = file[:i], file[i:]+rest
		}
	}
	return what + "@" + b.opt.Rel(file) + rest
}

func (b *builder) chain(steps []Step) []Step {
	out := make([]Step, 0, len(steps))
	for _, s := range steps {
		out = append(out, Step{Pos: b.rel(s.Pos), Message: s.Message})
	}
	return out
}

// handler names an entry point: its function qualified by its package
// path, less the path of the module it is in (a package at the module's
// root by its name).
func (b *builder) handler(e Entry) string {
	pkg := e.Pkg
	for _, m := range b.opt.Modules {
		if pkg == m {
			pkg = e.PkgName
			break
		}
		if rest, ok := strings.CutPrefix(pkg, m+"/"); ok {
			pkg = rest
			break
		}
	}
	if pkg == "" {
		return e.Func
	}
	return pkg + "." + e.Func
}

// entry returns the keys of an entry's routes, adding them.
func (b *builder) entry(e Entry) []string {
	pos := b.rel(e.Pos)
	name := b.handler(e)
	routes := e.Routes
	if len(routes) == 0 {
		routes = []string{""}
	}
	var keys []string
	for _, rt := range routes {
		key := rt + "\x00" + name + "\x00" + pos.File
		if b.routes[key] == nil {
			b.routes[key] = &Route{Route: rt, Handler: name, Framework: e.Framework, Pos: pos, Writes: []string{}, Reads: []string{}}
		}
		keys = append(keys, key)
	}
	return keys
}

func (b *builder) record(r Record) {
	st := b.states[r.State]
	if st == nil {
		st = &State{Key: r.State, Checks: []string{}, Writers: []Use{}, Readers: []Use{}}
		if r.Decl.Valid() {
			d := b.rel(r.Decl)
			st.Decl = &d
		}
		st.setKind(r)
		b.states[r.State] = st
	}
	// The state's kind is that of its first finding that is not about
	// request order: a requestorder finding is about a read.
	if st.Kind == string(knowledge.Order) && r.Kind != string(knowledge.Order) {
		st.setKind(r)
	}
	if !slices.Contains(st.Checks, r.Check) {
		st.Checks = append(st.Checks, r.Check)
	}
	pos := b.rel(r.Pos)
	fkey := r.Check + "\x00" + pos.File + fmt.Sprintf(":%d:%d", pos.Line, pos.Column) + "\x00" + r.Message
	if b.findings[fkey] {
		return // the same finding in a package's test variant
	}
	b.findings[fkey] = true
	f := Finding{Check: r.Check, Kind: r.Kind, Pos: pos, Message: r.Message, Accepted: r.Accepted}
	if r.Accepted == "" {
		b.reported[r.State] = true // reported, so not only accepted
		f.New = b.opt.New != nil && b.opt.New(r.Check, pos, r.Message)
		st.New = st.New || f.New
	} else if !strings.Contains(st.Reason, r.Accepted) {
		st.Reason = strings.TrimPrefix(st.Reason+"; "+r.Accepted, "; ")
	}
	st.Findings = append(st.Findings, f)
	switch {
	case r.Entry != nil:
	case r.Via != "":
		st.Background = "chosen here and written by " + r.Via
	case r.Access == "serves":
		st.Background = "written by every request the library serves with it"
	case r.Access == "schedules":
		st.Background = "run by every replica on its own schedule"
	}
}

// useRoute records that the routes named route write st, for a store
// wired here and written by a handler of another package: the rows of
// that route, or one naming the route alone when no analysed package
// registers it.
func (b *builder) useRoute(st *State, route string, chain []Step) {
	found := false
	for _, rt := range b.routes {
		if rt.Route == route {
			found = true
		}
	}
	if !found {
		b.routes[route+"\x00\x00"] = &Route{Route: route, Handler: "(in another package)", Writes: []string{}, Reads: []string{}}
	}
	var keys []string
	for key, rt := range b.routes {
		if rt.Route == route {
			keys = append(keys, key)
		}
	}
	slices.Sort(keys)
	for _, key := range keys {
		rt := b.routes[key]
		if !slices.Contains(rt.Writes, st.Key) {
			rt.Writes = append(rt.Writes, st.Key)
		}
		if !slices.ContainsFunc(st.Writers, func(u Use) bool { return u.Route == rt.Name() && u.Handler == rt.Handler }) {
			st.Writers = append(st.Writers, Use{Route: rt.Name(), Handler: rt.Handler, Access: "writes", Chain: b.chain(chain)})
		}
	}
}

// setKind gives st the kind of r's finding, with that kind's row: its
// title, what breaks, the advice and the targets.
func (st *State) setKind(r Record) {
	k, _ := knowledge.KindByName(knowledge.KindName(r.Kind))
	st.Kind, st.Name, st.Title, st.Breaks, st.Advice = r.Kind, r.Name, k.Title, k.Breaks, k.Advice
	st.Targets = []string{}
	for _, t := range knowledge.TargetsFor(k.Name) {
		st.Targets = append(st.Targets, string(t))
	}
}

// useOp is the use a record of the access makes of its state.
func useOp(access string) string {
	if access == "reads" || access == "locks" {
		return access
	}
	return "writes"
}

// use records that e writes or reads st, once per route and access.
func (b *builder) use(st *State, e Entry, op string, chain []Step) {
	for _, key := range b.entry(e) {
		rt := b.routes[key]
		uses := &st.Writers
		ids := &rt.Writes
		if op == "reads" {
			uses, ids = &st.Readers, &rt.Reads
		}
		if !slices.Contains(*ids, st.Key) {
			*ids = append(*ids, st.Key)
		}
		if i := slices.IndexFunc(*uses, func(u Use) bool { return u.Route == rt.Name() && u.Handler == rt.Handler }); i >= 0 {
			if op == "locks" {
				(*uses)[i].Access = op
			}
			continue
		}
		*uses = append(*uses, Use{Route: rt.Name(), Handler: rt.Handler, Access: op, Chain: b.chain(chain)})
	}
}

// finish orders everything, numbers the state and splits off what is
// only accepted.
func (b *builder) finish() *Inventory {
	inv := &Inventory{Routes: []Route{}, States: []State{}, Accepted: []State{}, Targets: []Target{}}
	var all []*State
	for _, st := range b.states {
		slices.SortFunc(st.Findings, func(x, y Finding) int { return comparePos(x.Pos, y.Pos) })
		sortUses(st.Writers)
		sortUses(st.Readers)
		all = append(all, st)
	}
	slices.SortFunc(all, func(x, y *State) int {
		return cmp.Or(comparePos(x.Findings[0].Pos, y.Findings[0].Pos), cmp.Compare(x.Key, y.Key))
	})
	ids := map[string]string{}
	for _, st := range all {
		shown := *st
		shown.Key = b.relKey(st.Key)
		if b.reported[st.Key] {
			shown.ID = fmt.Sprintf("S%d", len(inv.States)+1)
			inv.States = append(inv.States, shown)
		} else {
			shown.ID = fmt.Sprintf("A%d", len(inv.Accepted)+1)
			inv.Accepted = append(inv.Accepted, shown)
		}
		ids[st.Key] = shown.ID
	}
	for _, rt := range b.routes {
		rt.Writes = mapIDs(rt.Writes, ids)
		rt.Reads = mapIDs(rt.Reads, ids)
		rt.Stateless = len(rt.Writes) == 0 && len(rt.Reads) == 0
		inv.Routes = append(inv.Routes, *rt)
	}
	slices.SortFunc(inv.Routes, func(x, y Route) int {
		// Known routes first, by path then method; then entry points by name.
		return cmp.Or(cmp.Compare(unrouted(x), unrouted(y)), cmp.Compare(routePath(x.Route), routePath(y.Route)),
			cmp.Compare(x.Route, y.Route), cmp.Compare(x.Handler, y.Handler), comparePos(x.Pos, y.Pos))
	})
	inv.Targets = b.targets(inv.States, inv.Accepted)
	inv.Counts = Counts{States: len(inv.States), Accepted: len(inv.Accepted), Routes: len(inv.Routes)}
	for _, rt := range inv.Routes {
		if rt.Stateless {
			inv.Counts.Stateless++
		}
	}
	for _, st := range inv.States {
		if st.New {
			inv.Counts.New++
		}
	}
	inv.Summary = summaryLine(inv.Counts)
	return inv
}

func (b *builder) targets(states, accepted []State) []Target {
	out := []Target{}
	for _, row := range knowledge.Targets {
		t := Target{Name: string(row.Name), Holds: row.Holds, For: []string{}, Clients: []Client{}}
		for _, st := range append(slices.Clone(states), accepted...) {
			if slices.Contains(st.Targets, t.Name) {
				t.For = append(t.For, st.ID)
			}
		}
		if len(t.For) == 0 {
			continue
		}
		for _, c := range b.opt.Requires {
			if row.Provides(c.Module) {
				t.Clients = append(t.Clients, c)
			}
		}
		if len(t.Clients) == 0 {
			t.Suggest = row.Suggest
		}
		out = append(out, t)
	}
	return out
}

func summaryLine(c Counts) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s of per-instance state", plural(c.States, "piece", "pieces"))
	if c.Accepted > 0 {
		fmt.Fprintf(&b, " (and %d accepted)", c.Accepted)
	}
	fmt.Fprintf(&b, "; %d of %s stateless", c.Stateless, plural(c.Routes, "route", "routes"))
	if c.New > 0 {
		fmt.Fprintf(&b, "; %d added by this change", c.New)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func mapIDs(keys []string, ids map[string]string) []string {
	out := []string{}
	for _, k := range keys {
		if id, ok := ids[k]; ok {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, compareIDs)
	return slices.Compact(out)
}

// compareIDs orders "S2" before "S10", and reported state before accepted.
func compareIDs(x, y string) int {
	var nx, ny int
	fmt.Sscanf(x[1:], "%d", &nx)
	fmt.Sscanf(y[1:], "%d", &ny)
	return cmp.Or(-cmp.Compare(x[0], y[0]), cmp.Compare(nx, ny))
}

func sortUses(us []Use) {
	slices.SortFunc(us, func(x, y Use) int {
		return cmp.Or(cmp.Compare(routePath(x.Route), routePath(y.Route)), cmp.Compare(x.Route, y.Route), cmp.Compare(x.Handler, y.Handler))
	})
}

func unrouted(r Route) int {
	if r.Route == "" {
		return 1
	}
	return 0
}

// routePath is a route's path, "/cart" of "GET /cart", to sort a route's
// methods together.
func routePath(route string) string {
	if _, path, ok := strings.Cut(route, " "); ok {
		return path
	}
	return route
}

func comparePos(x, y Position) int {
	return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line), cmp.Compare(x.Column, y.Column))
}
