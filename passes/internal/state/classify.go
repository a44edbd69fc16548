package state

import (
	"github.com/statelint/statelint/internal/knowledge"
	"github.com/statelint/statelint/passes/internal/names"
	"github.com/statelint/statelint/passes/internal/typeshape"
)

// classify decides the kind of a piece of state from the strongest
// evidence available: element types first (connections, limiters), then
// how request paths use it (keys from cookies or client addresses,
// get-or-load, sends), then its name, then its shape.
func classify(st *State) knowledge.KindName {
	if st.Shape == typeshape.File {
		return knowledge.File // a file kept open and written on request paths
	}
	named := nameKind(st.Display())
	if !st.Shape.Container() {
		return scalarKind(st, named)
	}
	if sh, ok := st.entryShape(); ok {
		// a table whose entries stay as they were made, but for fields
		// requests change in place: those fields are the state
		return scalarKind(&State{Shape: sh, Hints: st.Hints}, named)
	}
	kind := containerKind(st, named)
	if kind == knowledge.Records && st.Shape == typeshape.Map && st.Hints[knowledge.HintIncrement] && accumulates(st) {
		// m[k]++ with nothing else to go by: a table of counters. One
		// whose entries also gain data (messages appended to a queue's
		// entry, beside its retry counts) is a table of records.
		return knowledge.Counter
	}
	return kind
}

func containerKind(st *State, named knowledge.KindName) knowledge.KindName {
	switch {
	case st.Elem == typeshape.Websocket:
		return knowledge.Websocket
	case st.Elem == typeshape.Limiter:
		return knowledge.RateLimit
	case st.Elem == typeshape.Lock:
		// who holds which key: taken on one replica, it excludes no
		// request on another, and a lookup before the store does not
		// make it a cache that may miss
		return knowledge.Records
	case st.Hints[knowledge.HintSession]:
		return knowledge.Session
	case st.Hints[knowledge.HintRateLimit]:
		return knowledge.RateLimit
	}
	switch {
	case st.Hints[knowledge.HintAdd] && named != knowledge.Queue:
		// m[k] += amount: balances, whatever the name; a table of queues
		// adds to its entries' own counters too (retries, sequence numbers)
		return knowledge.Records
	case st.Hints[knowledge.HintToken]:
		return knowledge.Session // kept under a fresh token the client holds
	case st.Hints[knowledge.HintRecord]:
		return recordKind(named)
	}
	if named == knowledge.Websocket && st.Elem == typeshape.Data {
		named = "" // "rooms" of messages are records, not a registry
	}
	switch named {
	case knowledge.Session, knowledge.Websocket, knowledge.RateLimit, knowledge.Cache:
		return named
	case knowledge.Job:
		if st.Shape == typeshape.Slice || st.Shape == typeshape.Chan || st.Shape == typeshape.Sync && !st.Hints[knowledge.HintGetOrLoad] {
			return knowledge.Queue
		}
		return knowledge.Job
	case knowledge.Queue:
		return knowledge.Queue
	}
	switch {
	case st.Shape == typeshape.Cache:
		return knowledge.Cache
	case st.Elem == typeshape.Channel:
		return knowledge.Websocket
	case st.Hints[knowledge.HintAppend] && st.Shape == typeshape.Map:
		// entries that gain data (subscriptions appended to a topic)
		// hold what requests brought, whatever fills them on a miss:
		// a cache entry is replaced whole, never added to
		return knowledge.Records
	case st.Hints[knowledge.HintCache] || st.Hints[knowledge.HintGetOrLoad] || st.Hints[knowledge.HintLoad]:
		return knowledge.Cache
	case st.Shape == typeshape.Chan || st.Hints[knowledge.HintQueue]:
		return knowledge.Queue
	case st.Elsewhere && st.Hints[knowledge.HintAppend]:
		return knowledge.Queue
	}
	return knowledge.Records
}

// recordKind is the kind of state that stores what requests brought: it
// must be stored, so never a cache; a name may still tell a session or a
// queue from a table of records.
func recordKind(named knowledge.KindName) knowledge.KindName {
	switch named {
	case knowledge.Session, knowledge.Queue, knowledge.Job, knowledge.Websocket, knowledge.RateLimit:
		return named
	}
	return knowledge.Records
}

func scalarKind(st *State, named knowledge.KindName) knowledge.KindName {
	switch {
	case st.Elem == typeshape.Limiter:
		return knowledge.RateLimit // one token bucket for every client
	case named == knowledge.Balance || st.Hints[knowledge.HintAdd] && st.Shape == typeshape.Float:
		return knowledge.Balance
	case named == knowledge.Sequence && (st.Hints[knowledge.HintIncrement] || st.Shape == typeshape.Int):
		return knowledge.Sequence
	case st.Hints[knowledge.HintIncrement] || named == knowledge.Counter && st.Shape == typeshape.Int:
		return knowledge.Counter
	case st.Shape == typeshape.Bool || st.Hints[knowledge.HintFlag]:
		return knowledge.Flag
	}
	return knowledge.Value
}

// nameKind reads the kind a name suggests, preferring the last word that
// means something ("sessionCache" is a cache, "jobStatus" a job table).
func nameKind(name string) knowledge.KindName {
	w := names.Words(name)
	for i := len(w) - 1; i >= 0; i-- {
		if k := knowledge.NameWords[w[i]]; k != "" {
			return k
		}
	}
	return ""
}

// entryShape reports whether every write of the container st only
// changes a scalar field of one of its entries in place
// (summary.Effect.Entry), and the shape that stands for those fields: a
// bool's when one of them is (a flag a request sets, beside the text it
// keeps of it), else the first's.
func (st *State) entryShape() (typeshape.Shape, bool) {
	var sh typeshape.Shape
	for _, w := range st.Writes {
		e := w.Effect.Entry
		if e == "" || e.Container() {
			return "", false
		}
		if sh == "" || e == typeshape.Bool {
			sh = e
		}
	}
	return sh, sh != ""
}
