// Package scsdb is the clean twin of scs: the session manager's Store is
// set to one backed by the database, so sessions survive a restart and
// every replica sees them.
package scsdb

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"
)

// dbStore keeps sessions in a table.
type dbStore struct{ db *sql.DB }

func (s dbStore) Delete(token string) error {
	_, err := s.db.Exec("DELETE FROM sessions WHERE token = $1", token)
	return err
}

func (s dbStore) Find(token string) ([]byte, bool, error) {
	var b []byte
	err := s.db.QueryRow("SELECT data FROM sessions WHERE token = $1", token).Scan(&b)
	return b, err == nil, nil
}

func (s dbStore) Commit(token string, b []byte, expiry time.Time) error {
	_, err := s.db.Exec("INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)", token, b, expiry)
	return err
}

func routes(db *sql.DB) http.Handler {
	sessionManager := scs.New()
	sessionManager.Store = dbStore{db}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		sessionManager.Put(r.Context(), "user", r.FormValue("user"))
	})
	return sessionManager.LoadAndSave(mux)
}
