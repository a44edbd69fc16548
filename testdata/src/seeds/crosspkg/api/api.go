// Package api reaches store's package-level map three calls deep:
// handler -> saveItem -> store.Save -> store.put.
package api

import (
	"net/http"

	"seeds/crosspkg/store"
)

var visits store.Counter

func saveItem(k, v string) { store.Save(k, v) } // want `in-memory records table store.items is written by handler for "POST /items": records created on one replica are missing on the others.*store records in a database such as Postgres`

func create(w http.ResponseWriter, r *http.Request) {
	saveItem(r.FormValue("k"), r.FormValue("v"))
	visits.Inc() // want `in-process counter visits.N is written by handler for "POST /items"`
}

func get(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(store.Get(r.FormValue("k"))))
}

// Routes registers the API.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /items", create)
	mux.HandleFunc("GET /items", get)
}
