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
		t.claim = t.enforced && strings.Contains(s, " returning ")
	case "delete":
		t.write, t.idempotent = true, true
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
