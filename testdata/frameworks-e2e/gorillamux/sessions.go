package main

import (
	"net/http"
	"os"

	"github.com/gorilla/mux"
	gsessions "github.com/gorilla/sessions"
)

// Session stores: a FilesystemStore keeps session data in files on this
// replica's disk; a CookieStore keeps it all in the signed cookie.
func sessionRoutes(r *mux.Router) {
	secret := []byte(os.Getenv("SESSION_SECRET"))
	disk := gsessions.NewFilesystemStore("/tmp/sessions", secret)
	signed := gsessions.NewCookieStore(secret)
	r.HandleFunc("/disk/login", sessionLogin(disk)).Methods("POST")
	r.HandleFunc("/signed/login", sessionLogin(signed)).Methods("POST")
}

func sessionLogin(store gsessions.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s, err := store.Get(r, "sid")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		s.Values["user"] = r.FormValue("user")
		s.Save(r, w)
	}
}
