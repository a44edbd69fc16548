// Package api serves results through the store package's locator: its
// handlers cannot tell which store they get, the locator's package can.
package api

import (
	"net/http"

	"wiring/locator/store"
)

func create(w http.ResponseWriter, r *http.Request) {
	if err := store.Get().Insert(r.FormValue("key"), r.FormValue("value")); err != nil { // want `in-memory records table Store.results of store.Get\(\) is written by handler for "POST /results" through Store.Insert \(and 1 other handler\): .*Postgres`
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// update writes through the same method: one finding with create's.
func update(w http.ResponseWriter, r *http.Request) {
	if err := store.Get().Insert(r.PathValue("key"), r.FormValue("value")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func read(w http.ResponseWriter, r *http.Request) {
	v, err := store.Get().Lookup(r.FormValue("key"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.Write([]byte(v))
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /results", create)
	mux.HandleFunc("PUT /results/{key}", update)
	mux.HandleFunc("GET /results", read)
}
