package extio

import (
	"regexp"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
)

// sqlText is what statelint reads from a constant SQL statement.
type sqlText struct {
	write      bool // INSERT, UPDATE, DELETE, MERGE, also with RETURNING
	lockedRead bool // SELECT ... FOR UPDATE or FOR SHARE
	enforced   bool // the write checks in the store what a read-then-write assumes
	idempotent bool // repeating the write changes nothing more
	leader     bool // takes an advisory lock held across replicas
	// claim is a conditional UPDATE that returns the rows it changed
	// (UPDATE jobs SET status = 'running' WHERE status = 'queued' ...
	// RETURNING id): of two replicas running it, each gets rows the
	// other did not, so what follows works on this replica's share.
	claim bool
	// constant writes no value but the keys that pick the rows: a
	// DELETE, or an UPDATE setting literals. Two replicas racing to it
	// after the same read leave what one would.
	constant bool
}

var (
	spaces    = regexp.MustCompile(`\s+`)
	setClause = regexp.MustCompile(`\bset\b(.*?)\bwhere\b(.*)$`)
	assigned  = regexp.MustCompile(`([a-z_][a-z0-9_."]*)\s*=`)
	compares  = regexp.MustCompile(`(>=|<=|<>|!=|[^-]>|<|\bis null\b|\bis not null\b|\bnot exists\b|\bexists\b)`)
	versionEq = regexp.MustCompile(`\b(version|revision|rev|etag|updated_at|lock_version)\s*=`)
)

// parseSQL classifies a statement by its verb and clauses. It is a
// reading of the text, not a parser: it errs towards "not enforced", so
// an unusual guard is reported rather than an ordinary write silenced.
func parseSQL(q string) sqlText {
	s := strings.TrimSpace(spaces.ReplaceAllString(strings.ToLower(q), " "))
	s = strings.TrimLeft(s, "( ")
	var t sqlText
	for _, f := range knowledge.SQLLeaderFuncs {
		if strings.Contains(s, f) {
			t.leader = true
		}
	}
	verb, _, _ := strings.Cut(s, " ")
	if verb == "with" {
		for _, v := range []string{"insert", "update", "delete"} {
			if strings.Contains(s, " "+v+" ") {
				verb = v
			}
		}
	}
	switch verb {
	case "insert", "replace", "upsert", "merge":
		t.write = true
		t.enforced = strings.Contains(s, "on conflict") || strings.Contains(s, "on duplicate key")
		t.idempotent = t.enforced
	case "update":
		t.write = true
		t.enforced = conditionalUpdate(s)
		t.constant = constantSet(s)
		t.idempotent = t.constant
		t.claim = t.enforced && strings.Contains(s, " returning ")
	case "delete":
		t.write, t.idempotent, t.constant = true, true, true
		t.enforced = conditionalWhere(s)
	default:
		for _, c := range knowledge.SQLGuardClauses[:3] {
			if strings.Contains(s, c) {
				t.lockedRead = true
			}
		}
	}
	return t
}

// checks ranks how much the store checks of a statement: 0 for a plain
// write or read, 1 for a write the store enforces, 2 for a claim, a
// locking read or an election.
func (t sqlText) checks() int {
	switch {
	case t.leader || t.lockedRead || t.claim:
		return 2
	case t.enforced:
		return 1
	}
	return 0
}

// String describes what the statement is, for facts in tests.
func (t sqlText) String() string {
	switch {
	case t.leader:
		return "leader"
	case t.lockedRead || t.claim:
		return "guard"
	case t.write && t.enforced:
		return "enforced write"
	case t.write:
		return "write"
	}
	return "read"
}

// compact normalises a statement for a summary: lower case, one space
// between words, and at most maxSQL characters, the middle dropped.
func compact(q string) string {
	s := strings.TrimSpace(spaces.ReplaceAllString(strings.ToLower(q), " "))
	if len(s) <= maxSQL {
		return s
	}
	return s[:maxSQL/2] + unknownText + s[len(s)-maxSQL/2:]
}

// conditionalUpdate reports whether an UPDATE checks in its WHERE what it
// changes: a comparison other than equality (balance >= $1), a version
// column, or a column it also sets (status = 'pending').
func conditionalUpdate(s string) bool {
	m := setClause.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	set, where := m[1], m[2]
	if conditionalWhere(" where " + where) {
		return true
	}
	for _, a := range assigned.FindAllStringSubmatch(set, -1) {
		col := a[1]
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(col) + `\s*(=|>|<|!|\bin\b|\bis\b)`).MatchString(where) {
			return true
		}
	}
	return false
}

// setValue is one assignment of a SET clause whose value is a literal:
// a number, a quoted string, true, false, null, or the clock.
var setValue = regexp.MustCompile(`^[a-z_][a-z0-9_."]*\s*=\s*(-?[0-9.]+|'[^']*'|true|false|null|now\(\)|current_timestamp)$`)

// constantSet reports whether an UPDATE sets every column it changes to
// a literal (UPDATE messages SET read = 1 WHERE id IN (...)): running it
// twice leaves the rows as running it once, so two replicas racing to
// it lose nothing.
func constantSet(s string) bool {
	m := setClause.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	for _, a := range strings.Split(m[1], ",") {
		if !setValue.MatchString(strings.TrimSpace(a)) {
			return false
		}
	}
	return true
}

// conditionalWhere reports whether a WHERE clause holds a check beyond
// picking the row by key.
func conditionalWhere(s string) bool {
	_, where, ok := strings.Cut(s, " where ")
	if !ok {
		return false
	}
	where, _, _ = strings.Cut(where, " returning ")
	return compares.MatchString(where) || versionEq.MatchString(where)
}
