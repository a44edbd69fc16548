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

// record reaches two tables through one call into another package: each
// is its own finding at that call, whichever driver hands the facts over.
func record(w http.ResponseWriter, r *http.Request) {
	journal.Record(r.URL.Path) // want `in-memory records table journal.Entries is written` `in-memory records table journal.Seen is written`
}

func main() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/record", record)
}
