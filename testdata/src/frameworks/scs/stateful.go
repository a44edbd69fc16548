// Package scs uses alexedwards/scs with its default store, which keeps
// sessions in this process's memory. scsdb is the clean twin.
package scs

import (
	"net/http"

	"github.com/alexedwards/scs/v2"
)

var sessionManager = scs.New() // want `in-memory session store scs.New is written by every request that saves a session`

func login(w http.ResponseWriter, r *http.Request) {
	sessionManager.RenewToken(r.Context())
	sessionManager.Put(r.Context(), "user", r.FormValue("user"))
}

func routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", login)
	return sessionManager.LoadAndSave(mux)
}
