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

func main() { http.HandleFunc("/", handle) }
