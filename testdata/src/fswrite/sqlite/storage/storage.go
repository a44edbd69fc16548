// Package storage opens its database at startup with the embedded SQLite
// driver, and writes it from functions its handlers call: each replica
// writes a database file of its own. The events database is Postgres,
// reached over the network, and is not a finding.
package storage

import "database/sql"

var (
	db     *sql.DB
	events *sql.DB
)

func Init(path, dsn string) {
	db, _ = sql.Open("sqlite", path)
	events, _ = sql.Open("postgres", dsn)
}

func Save(id, body string) {
	db.Exec("INSERT INTO messages (id, body) VALUES (?, ?)", id, body)
}

func Log(id string) {
	events.Exec("INSERT INTO events (id) VALUES ($1)", id)
}

// Count only reads.
func Count() (n int) {
	db.QueryRow("SELECT count(*) FROM messages").Scan(&n)
	return n
}
