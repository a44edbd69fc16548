package summary

import (
	"fmt"
	"go/token"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/lazyfact"
	"github.com/statelint/statelint/passes/internal/provenance"
	"github.com/statelint/statelint/passes/internal/typeshape"
)

// Root and its kinds are provenance's: where a piece of state lives.
type (
	Root     = provenance.Root
	RootKind = provenance.RootKind
)

// Where state lives.
const (
	Global = provenance.Global
	Param  = provenance.Param
	Free   = provenance.Free
)

// An Op is what a site does.
type Op uint8

const (
	Write     Op = iota + 1 // mutates the state
	Read                    // reads the state
	FileWrite               // writes the local filesystem
	FileRead                // reads the local filesystem
	LocalDB                 // opens or writes a local embedded database
)

// A Use is what a value read from state feeds, from the weakest.
type Use uint8

// What a value read feeds.
const (
	UseUnknown Use = iota // not judged: taken as data
	UseNone               // nothing uses it but the write it is part of (m[k]++)
	UseExport             // only logged, handed to a metric, or picking one of this replica's own resources
	UseReturn             // returned: the caller decides
	UseData               // stored, sent, written into the response
	UseGate               // compared: it decides what the request gets
)

// Decides reports whether a use makes the state's value part of what
// requests get: anything but monitoring.
func (u Use) Decides() bool { return u != UseExport && u != UseNone }

// A Hop is one call on the way from a function to an effect's site.
type Hop struct {
	Callee string `json:",omitzero"` // display name of the called function
	Posn   string `json:",omitzero"` // position of the call, "dir/file.go:line:col"
	pos    token.Pos
}

// An Effect is one thing a function does, directly or through callees.
type Effect struct {
	Op    Op              `json:",omitzero"`
	Root  Root            `json:",omitzero"` // zero for file effects
	Path  string          `json:",omitzero"` // field path from the root, e.g. ".sessions"
	Type  string          `json:",omitzero"` // type of the state at Path, from its last import path element: "map[string]*user.User"
	Shape typeshape.Shape `json:",omitzero"` // shape of that type: map, slice, chan, int, bool...
	Elem  typeshape.Elem  `json:",omitzero"` // what its elements hold: connections, limiters, channels
	// Entry, on a write that changes a field of one entry of the
	// container at Path in place (an endpoint's count of failures in a
	// row, a backend's alive flag), is the shape of that field; zero for
	// a write of the container itself or of a whole entry.
	Entry typeshape.Shape `json:",omitzero"`
	Hint  knowledge.Hint  `json:",omitzero"` // classification evidence from the site
	What  string          `json:",omitzero"` // how: "increment", "map store", "os.WriteFile", ...
	Key   string          `json:",omitzero"` // file effects: directory or constant the path is built from
	Posn  string          `json:",omitzero"` // site, "dir/file.go:line:col"
	Via   []Hop           `json:",omitzero"` // calls from the summarised function to the site
	Go    bool            `json:",omitzero"` // reached through a go statement
	Impl  string          `json:",omitzero"` // the implementation an interface call was resolved to
	// KeyArg and ValArg, on a store whose value the site cannot judge,
	// are 1 + the index of the parameters holding the key and the value
	// (0: neither), so that a caller judges what it passes (valueHint).
	KeyArg, ValArg int8 `json:",omitzero"`
	// Use, on a read, is what the value read feeds; on a write in a
	// fact, the strongest use of the state's value that the package
	// declaring it makes anywhere (ReadBack).
	Use Use `json:",omitzero"`

	pos token.Pos // site, when it is in the package being analysed; see Pos
}

// A Call is an open obligation: a call through a method of one of the
// module's interfaces, or through a function value kept in a field, on
// state the summarised function was handed (its receiver's fields, a
// parameter, a package-level variable), that no implementation in view
// resolves. The package that wires a concrete value into that state
// closes it (passes/internal/wiring).
type Call struct {
	Root   Root   `json:",omitzero"`
	Path   string `json:",omitzero"` // where the interface or function value lives, from Root
	Iface  string `json:",omitzero"` // the interface, "pkg/path.Store"; "" for a function value
	Method string `json:",omitzero"` // "Save"; "" for a function value
	Then   string `json:",omitzero"` // a method called on Method's result: NewLock, then Lock
	Posn   string `json:",omitzero"` // the call site, "dir/file.go:line:col"
	Via    []Hop  `json:",omitzero"` // calls from the summarised function to the site
	// Slot, when set, is the slot the value lives in, fixed where the
	// call was reached through an implementation of one of the module's
	// interfaces ("T:pkg/booking.service.cargos"): past that hop, Root and
	// Path lead to the interface value, whose fields are the
	// implementation's.
	Slot string `json:",omitzero"`

	pos token.Pos // the call site, when it is in the package being analysed
}

// A Slot is a field of a named struct type that holds an interface or
// function value: where a wired implementation is kept.
type Slot struct {
	Type  string `json:",omitzero"` // the struct's full name, "pkg/path.Server"
	Field string `json:",omitzero"` // "store"
}

// Key is how needs name the slot: "T:pkg/path.Server.store".
func (s Slot) Key() string { return "T:" + s.Type + "." + s.Field }

// gaugeStep starts the What of a step up of a count that its package
// steps back down elsewhere (steppedDown).
const gaugeStep = "gauge "

// Steps tells how a write of a count moves it, by its What: down for a
// step back ("decrement", "decrement atomic.AddInt32"), up and down for
// a step up of a gauge that its package steps down where the work ends,
// seen from the writer or not (steppedDown), and up otherwise.
func (e Effect) Steps() (up, down bool) {
	switch {
	case strings.HasPrefix(e.What, "decrement"):
		return false, true
	case strings.HasPrefix(e.What, gaugeStep):
		return true, true
	}
	return true, false
}

// A Flow says that a function stores one of its parameters in a slot: a
// constructor New(s Store) *Server { return &Server{store: s} }.
type Flow struct {
	Param int  `json:",omitzero"`
	Slot  Slot `json:",omitzero"`
}

// A Return says that a function's first result is part of one of its
// parameters: a lookup that hands out an entry of its receiver's table
// (cfg.EndpointByKey(key) returns one of cfg.Endpoints), so that what
// the caller writes through the result is written there.
type Return struct {
	Param int    `json:",omitzero"`
	Path  string `json:",omitzero"` // below the parameter, e.g. ".endpoints"
	Elem  bool   `json:",omitzero"` // an element of the container at Path
}

// Summary is the fact exported for every function with effects: what it
// writes and reads, in terms of globals and its own parameters; the
// calls it leaves open and the parameters it keeps, for the package that
// wires implementations in; and what of its parameters it returns.
type Summary struct {
	Effects []Effect `json:",omitzero"`
	Calls   []Call   `json:",omitzero"`
	Flows   []Flow   `json:",omitzero"`
	Returns []Return `json:",omitzero"`

	raw lazyfact.Raw // as read from an import's facts, until load
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

// plainSummary is Summary without its methods, for encoding.
type plainSummary Summary

// GobEncode writes the summary, or the bytes it was read from.
func (s *Summary) GobEncode() ([]byte, error) { return lazyfact.Encode(s.raw, (*plainSummary)(s)) }

// GobDecode keeps the bytes; load decodes them when the summary is used.
func (s *Summary) GobDecode(data []byte) error {
	*s = Summary{raw: lazyfact.Keep(data)}
	return nil
}

// load decodes a summary imported from another package's facts.
func (s *Summary) load() *Summary {
	lazyfact.Load(&s.raw, (*plainSummary)(s))
	return s
}

// Limits that bound the size of summaries and their facts.
const (
	maxEffects = 48 // per summary
	maxReads   = 16 // of which reads
	maxVia     = 6  // hops kept per effect
	maxCalls   = 32 // open calls per summary
	maxFlows   = 8  // parameters kept in slots, per summary
	maxReturns = 4  // parts of parameters returned, per summary
)

func (s *Summary) String() string {
	s.load()
	var parts []string
	for _, e := range s.Effects {
		parts = append(parts, e.String())
	}
	for _, c := range s.Calls {
		parts = append(parts, c.String())
	}
	for _, f := range s.Flows {
		parts = append(parts, fmt.Sprintf("flow(param%d->%s.%s)", f.Param, f.Slot.Type, f.Slot.Field))
	}
	for _, r := range s.Returns {
		elem := ""
		if r.Elem {
			elem = "[]"
		}
		parts = append(parts, fmt.Sprintf("return(param%d%s%s)", r.Param, r.Path, elem))
	}
	return strings.Join(parts, " ")
}

func (c Call) String() string {
	what := "func"
	if c.Method != "" {
		what = c.Iface[strings.LastIndex(c.Iface, "/")+1:] + "." + c.Method
		if c.Then != "" {
			what += "()." + c.Then
		}
	}
	return "call(" + rootString(c.Root) + c.Path + " " + what + ")"
}

// key identifies an open call for deduplication.
func (c Call) key() string {
	return fmt.Sprintf("%d|%d|%s|%s|%s|%s|%s|%s|%s", c.Root.Kind, c.Root.Index, c.Root.Pkg, c.Root.Name, c.Path, c.Iface, c.Method, c.Then, c.Posn)
}

// Pos is where the call is, when it lies in the package being analysed.
func (c Call) Pos() token.Pos { return c.pos }

func rootString(r Root) string {
	switch r.Kind {
	case Global:
		return r.Name
	case Param:
		return fmt.Sprintf("param%d", r.Index)
	case Free:
		return fmt.Sprintf("free%d", r.Index)
	}
	return "?"
}

func (e Effect) String() string {
	var b strings.Builder
	b.WriteString([...]string{"?", "write", "read", "file", "fileread", "localdb"}[e.Op])
	b.WriteByte('(')
	switch e.Root.Kind {
	case Global:
		b.WriteString(e.Root.Name)
	case Param:
		fmt.Fprintf(&b, "param%d", e.Root.Index)
	case Free:
		fmt.Fprintf(&b, "free%d", e.Root.Index)
	default:
		b.WriteString(e.What)
	}
	b.WriteString(e.Path)
	b.WriteByte(')')
	return b.String()
}

// StateKey identifies a piece of state within a summary.
func (e Effect) StateKey() string {
	return fmt.Sprintf("%d|%d|%s|%s|%s", e.Root.Kind, e.Root.Index, e.Root.Pkg, e.Root.Name, e.Path)
}

// dedupKey identifies an effect for deduplication: one per state, op and site.
func (e Effect) dedupKey() string {
	return fmt.Sprintf("%d|%s|%s|%s", e.Op, e.StateKey(), e.Posn, e.Key)
}

// foreign returns an imported summary as the importing package sees it:
// no site or call inside another package has a position here. go vet
// hands facts over encoded, which drops the unexported positions; the
// standalone checker and analysistest hand over the exporter's values
// themselves, so they are copied without them, leaving the exporter's
// summary as it was.
func (s *Summary) foreign() *Summary {
	if !s.hasPos() {
		return s
	}
	out := &Summary{Effects: make([]Effect, len(s.Effects)), Calls: make([]Call, len(s.Calls)), Flows: s.Flows, Returns: s.Returns}
	for i, c := range s.Calls {
		c.pos = token.NoPos
		c.Via = foreignVia(c.Via)
		out.Calls[i] = c
	}
	for i, e := range s.Effects {
		e.pos = token.NoPos
		e.Via = foreignVia(e.Via)
		out.Effects[i] = e
	}
	return out
}

func foreignVia(in []Hop) []Hop {
	if len(in) == 0 {
		return in
	}
	via := make([]Hop, len(in))
	for j, h := range in {
		h.pos = token.NoPos
		via[j] = h
	}
	return via
}

func (s *Summary) hasPos() bool {
	for _, c := range s.Calls {
		if c.pos.IsValid() {
			return true
		}
	}
	for _, e := range s.Effects {
		if e.pos.IsValid() {
			return true
		}
		for _, h := range e.Via {
			if h.pos.IsValid() {
				return true
			}
		}
	}
	return false
}
