// Package localdb keeps records in a local embedded database file: each
// replica writes its own copy.
package localdb

import (
	"database/sql"
	"net/http"

	bolt "go.etcd.io/bbolt"
)

var (
	db   *bolt.DB
	lite *sql.DB
)

func save(w http.ResponseWriter, r *http.Request) {
	db.Update(func(tx *bolt.Tx) error { // want `handler for "POST /save" writes a local embedded database with \(\*bbolt.DB\).Update: each replica writes its own database file.*use a networked database such as Postgres`
		return tx.Bucket([]byte("items")).Put([]byte(r.FormValue("k")), []byte(r.FormValue("v")))
	})
}

func report(w http.ResponseWriter, r *http.Request) {
	d, _ := sql.Open("sqlite3", "/var/data/reports.db") // want `handler for "POST /report" writes a local embedded database with sql.Open`
	defer d.Close()
	d.Exec("INSERT INTO reports VALUES (?)", r.FormValue("r"))
}

func main() {
	db, _ = bolt.Open("/var/data/app.db", 0o600, nil)
	lite, _ = sql.Open("sqlite3", "/var/data/app.sqlite")
	http.HandleFunc("POST /save", save)
	http.HandleFunc("POST /report", report)
	http.ListenAndServe(":8080", nil)
}
