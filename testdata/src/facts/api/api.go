// Package api uses facts/store from handlers: the directive on store.Audit
// silences its findings here too.
package api

import (
	"net/http"

	"facts/store"
)

var seen = map[string]int{}

func handle(w http.ResponseWriter, r *http.Request) {
	store.Log(r.URL.Path)
	store.Fill(seen) // want `in-memory records table seen is written by handler for "/"`
	var local = map[string]int{}
	store.Fill(local)
}

var journal = &store.Journal{Seen: map[string]bool{}}

// record reaches two tables of one *store.Journal through one call into
// another package: one finding names both, whichever driver hands the
// facts over. /both reaches the same writes in package store, so the two
// handlers are one finding, made at the call of /both (the first by name)
// with this call as a further site.
func record(w http.ResponseWriter, r *http.Request) {
	journal.Record(r.URL.Path)
}

// remember reaches two unexported variables of package store, a scalar
// and a table: one finding, for the table, names both (with /both, as
// for record).
func remember(w http.ResponseWriter, r *http.Request) {
	store.Remember(r.URL.Path, r.RemoteAddr)
}

// Server holds a journal of another package's type in a field: the
// journal is the component, named through the field.
type Server struct{ log *store.Journal }

func (s *Server) audit(w http.ResponseWriter, r *http.Request) {
	s.log.Record(r.URL.Path) // want `in-memory records table Server.log.Entries \(with Server.log.Seen\) is written`
}

// both reaches two components through two calls: two findings, which
// stand for record's and remember's calls of the same writes too.
func both(w http.ResponseWriter, r *http.Request) {
	journal.Record(r.URL.Path)               // want `in-memory records table journal.Entries \(with journal.Seen\) is written`
	store.Remember(r.URL.Path, r.RemoteAddr) // want `in-memory records table store.byKey \(with store.last\) is written`
}

func main() {
	s := &Server{log: &store.Journal{Seen: map[string]bool{}}}
	http.HandleFunc("/audit", s.audit)
	http.HandleFunc("/both", both)
	http.HandleFunc("/", handle)
	http.HandleFunc("/record", record)
	http.HandleFunc("/remember", remember)
}
