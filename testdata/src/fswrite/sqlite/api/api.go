// Package api calls the storage package from its handlers: the local
// database is written through a call into another package.
package api

import (
	"net/http"

	"fswrite/sqlite/storage"
)

func send(w http.ResponseWriter, r *http.Request) {
	storage.Save(r.FormValue("id"), r.FormValue("body")) // want `handler for "POST /send" writes a local embedded database with \(\*sql.DB\).Exec`
	storage.Log(r.FormValue("id"))
	storage.Count()
}

func deliver(w http.ResponseWriter, r *http.Request) {
	storage.Deliver(r.FormValue("id")) // want `handler for "POST /deliver" writes a local embedded database with \(\*sql.DB\).Exec`
}

func init() {
	http.HandleFunc("POST /send", send)
	http.HandleFunc("POST /deliver", deliver)
}
