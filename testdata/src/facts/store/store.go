package store

// This package exports effect summaries: writes of its globals, writes
// through parameters, file writes, and nothing for pure functions; and
// nothing for state whose declaration carries a directive.

import "os"

var items = map[string]string{}

//statelint:ignore audited: append-only audit trail mirrored to the database
var Audit []string

// Save writes items through put.
func Save(k, v string) { put(k, v) } // want Save:`write\(items\)`

// put is unexported: its summary stays in this package, no fact.
func put(k, v string) { items[k] = v }

// Get reads items.
func Get(k string) string { return items[k] } // want Get:`read\(items\)`

// Counter counts through its receiver.
type Counter struct{ N int }

// Inc writes the receiver's field.
func (c *Counter) Inc() { c.N++ } // want Inc:`write\(param0.N\)`

// Fill writes into the map its caller passes.
func Fill(m map[string]int) { m["x"] = 1 } // want Fill:`write\(param0\)`

// Dump writes a local file.
func Dump(path string, b []byte) { os.WriteFile(path, b, 0o600) } // want Dump:`file\(os.WriteFile\)`

// Log appends to the ignored audit trail: the write stays out of its fact,
// so that the directive holds in every package above, however far.
func Log(s string) { Audit = append(Audit, s) }

// Pure has no effects and exports no fact.
func Pure(a, b int) int { return a + b }

// Journal keeps two records tables.
type Journal struct {
	Entries []string
	Seen    map[string]bool
}

// Record writes both of its receiver's tables: one call, two pieces of
// state of one *Journal, one finding at the caller's call site that names
// both.
func (j *Journal) Record(s string) { // want Record:`write\(param0.Entries\) write\(param0.Seen\)`
	j.Entries = append(j.Entries, s)
	j.Seen[s] = true
}

var (
	byKey = map[string]string{}
	last  string
)

// Remember keeps two unexported variables of this package: what a caller
// elsewhere can move is this package's state, one finding naming both.
func Remember(k, v string) { // want Remember:`write\(byKey\) write\(last\)`
	byKey[k] = v
	last = k
}
