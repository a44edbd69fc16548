// Package perrequest makes a challenge per request around a store: the
// challenge is the request's, the store it wraps may be the process's.
package perrequest

import (
	"net/http"

	"memstore/perrequest/challenge"
)

var store = challenge.DefaultStore

// puzzles makes the answers; main picks one.
var puzzles interface{ Answer() string }

func issue(w http.ResponseWriter, r *http.Request) {
	c := challenge.New(store)
	c.Issue(r.FormValue("id"), puzzles.Answer()) // want `store.answers \(implemented in memory by \*memoryStore\) is written by handler for "POST /challenge"`
}

func verify(w http.ResponseWriter, r *http.Request) {
	if !store.Verify(r.FormValue("id"), r.FormValue("answer")) { // want `in-memory records table store.answers \(implemented in memory by \*memoryStore\) is written by handler for "POST /verify"`
		w.WriteHeader(http.StatusForbidden)
	}
}

// A store made for this request only dies with it: silent.
func issueOnce(w http.ResponseWriter, r *http.Request) {
	c := challenge.New(challenge.NewMemoryStore())
	c.Issue(r.FormValue("id"), r.FormValue("answer"))
}

func main() {
	http.HandleFunc("POST /challenge", issue)
	http.HandleFunc("POST /challenge/once", issueOnce)
	http.HandleFunc("POST /verify", verify)
	http.ListenAndServe(":8080", nil)
}
