// Package localdb is the clean twin of seeds/localdb: records go to
// Postgres through database/sql.
package localdb

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func save(w http.ResponseWriter, r *http.Request) {
	db.ExecContext(r.Context(), "INSERT INTO items (k, v) VALUES ($1, $2)", r.FormValue("k"), r.FormValue("v"))
}

func main() {
	db, _ = sql.Open("pgx", "postgres://db/app")
	http.HandleFunc("POST /save", save)
	http.ListenAndServe(":8080", nil)
}
