package extio

import (
	"fmt"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/lazyfact"
)

// Stores is a set of external stores, one bit each.
type Stores uint8

var storeNames = []string{knowledge.StoreSQL, knowledge.StoreRedis, knowledge.StoreHTTP,
	knowledge.StoreFile, knowledge.StoreMail, knowledge.StoreQueue, buffer}

// buffer is no store: it marks data taken from an in-process buffer that
// the function drains (swaps for a fresh map, truncates, clears), the
// deltas or events this replica's requests put there.
const buffer = "buffer"

// StoreBit is the set holding the named store alone.
func StoreBit(name string) Stores {
	for i, n := range storeNames {
		if n == name {
			return 1 << i
		}
	}
	return 0
}

func (s Stores) String() string {
	var out []string
	for i, n := range storeNames {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, "+")
}

// Op is what an effect does.
type Op string

const (
	Read   Op = "read"
	Write  Op = "write"
	Send   Op = "send"
	Guard  Op = "guard"  // the store enforces the read-then-write (FOR UPDATE, WATCH, serializable)
	Leader Op = "leader" // one replica is elected: what follows runs once
	// RMW is a write whose arguments depend on a read of the same store
	// made in the same function: a read-modify-write.
	RMW Op = "rmw"
)

// An Effect is one external access a function makes, directly or
// through its callees.
type Effect struct {
	Op    Op     `json:",omitzero"`
	Store string `json:",omitzero"`
	// Enforced is set on writes the store makes conditional on what was
	// read: an UPDATE whose WHERE checks a value, a version column, an
	// INSERT ... ON CONFLICT.
	Enforced bool `json:",omitzero"`
	// Idempotent writes leave the store as one run would when repeated.
	Idempotent bool `json:",omitzero"`
	// Constant is set on writes that store no value but the keys that
	// pick the rows (a DELETE, an UPDATE that sets literals): a lost
	// update needs a value computed from the read.
	Constant bool `json:",omitzero"`
	// Flush is set on writes whose data the function drained from an
	// in-process buffer: each replica writes what it was sent, once.
	Flush bool `json:",omitzero"`
	// QueryParam, when not zero, is one more than the index of the
	// function's parameter (the receiver first) that holds the SQL text
	// of the write: a wrapper of a client passes its caller's statement
	// on, and the caller reads it (see Site.Effects).
	QueryParam int      `json:",omitzero"`
	Via        []string `json:",omitzero"` // the calls down to the client, outermost first
}

// maxVia bounds the chain kept in an effect; maxEffects the effects in a
// summary, which keeps facts small however large the function.
const (
	maxVia     = 4
	maxEffects = 12
)

func (e Effect) String() string {
	var b strings.Builder
	b.WriteString(string(e.Op) + " " + e.Store)
	if e.Enforced {
		b.WriteString(" enforced")
	}
	if e.Idempotent {
		b.WriteString(" idempotent")
	}
	if e.Constant {
		b.WriteString(" constant")
	}
	if e.Flush {
		b.WriteString(" flush")
	}
	if e.QueryParam > 0 {
		fmt.Fprintf(&b, " (statement: param %d)", e.QueryParam-1)
	}
	b.WriteString(" via " + strings.Join(e.Via, " > "))
	return b.String()
}

func (e Effect) key() string {
	return fmt.Sprintf("%s|%s|%v|%v|%v|%v|%d", e.Op, e.Store, e.Enforced, e.Idempotent, e.Constant, e.Flush, e.QueryParam)
}

// Summary is the fact exported for a function: what it reads, writes
// and sends, which of its results carry data read from a store, and
// which of its parameters flow into a write.
type Summary struct {
	Effects []Effect `json:",omitzero"`
	Returns Stores   `json:",omitzero"` // stores whose data its results carry
	Params  []Stores `json:",omitzero"` // per parameter: stores a write of which takes its value
	// SQL is the statement the function returns, as text or as the
	// string field of a struct (a dialect adapter's SelectQuery), with
	// the fragments that are not constant read as " ? " and the text
	// cut to maxSQL: its callers pass it to the client.
	SQL string `json:",omitzero"`
	// Open are calls through interfaces whose implementations are out
	// of reach, for the composition root to close (open.go).
	Open []OpenCall `json:",omitzero"`
	// Impls says what the methods of the implementations the function
	// returns do, when it returns one of the module's interfaces.
	Impls []ImplMethod `json:",omitzero"`
	// Keeps are the parameters the function keeps in fields.
	Keeps []Keep `json:",omitzero"`

	raw lazyfact.Raw // as read from an import's facts, until load
}

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

// maxSQL bounds the statement a summary keeps: its head and its tail,
// where the verb and the clauses parseSQL looks for are.
const maxSQL = 480

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

func (s *Summary) String() string {
	s.load()
	var parts []string
	for _, e := range s.Effects {
		parts = append(parts, e.String())
	}
	if s.Returns != 0 {
		parts = append(parts, "returns "+s.Returns.String())
	}
	for i, p := range s.Params {
		if p != 0 {
			parts = append(parts, fmt.Sprintf("param %d written to %s", i, p))
		}
	}
	if s.SQL != "" {
		parts = append(parts, "returns SQL "+parseSQL(s.SQL).String())
	}
	for _, o := range s.Open {
		parts = append(parts, "open "+o.Iface+"."+o.Method+" on "+o.Slot)
	}
	for _, k := range s.Keeps {
		parts = append(parts, fmt.Sprintf("keeps param %d in %s", k.Param, k.Slot))
	}
	for _, im := range s.Impls {
		parts = append(parts, "returns "+im.Impl+" whose "+im.Method+" does "+fmt.Sprint(len(im.Effects)))
	}
	return "extio(" + strings.Join(parts, "; ") + ")"
}

func (s *Summary) empty() bool {
	if len(s.Effects) > 0 || s.Returns != 0 || s.SQL != "" || len(s.Open) > 0 || len(s.Impls) > 0 || len(s.Keeps) > 0 {
		return false
	}
	for _, p := range s.Params {
		if p != 0 {
			return false
		}
	}
	return true
}

// add appends e unless an effect alike is there, within the bound.
func (s *Summary) add(e Effect) {
	for _, old := range s.Effects {
		if old.key() == e.key() {
			return
		}
	}
	if len(s.Effects) < maxEffects {
		s.Effects = append(s.Effects, e)
		return
	}
	// A full summary still keeps an election or a claim, which silence
	// what the others say: it takes the place of the last other effect.
	if e.Op == Guard || e.Op == Leader {
		for i := len(s.Effects) - 1; i >= 0; i-- {
			if op := s.Effects[i].Op; op != Guard && op != Leader {
				s.Effects[i] = e
				return
			}
		}
	}
}

// Has reports whether s has an effect with op.
func (s *Summary) Has(op Op) bool {
	for _, e := range s.Effects {
		if e.Op == op {
			return true
		}
	}
	return false
}
