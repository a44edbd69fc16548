// Package localprune prunes old messages on a ticker. The mailbox is an
// embedded SQLite file of this replica's own: each replica prunes its own
// share once (the local database is fswrite's finding), so the job is not
// repeated work. The audit trail is Postgres, shared: every replica
// repeats that job.
package localprune

import (
	"database/sql"
	"time"

	_ "modernc.org/sqlite"
)

var (
	mailbox *sql.DB
	audit   *sql.DB
)

// Init opens both databases.
func Init(path, dsn string) {
	mailbox, _ = sql.Open("sqlite", path)
	audit, _ = sql.Open("postgres", dsn)
}

func pruneLoop() {
	for range time.Tick(time.Hour) {
		mailbox.Exec("DELETE FROM messages WHERE created < datetime('now', '-7 days')")
	}
}

func auditLoop() {
	for range time.Tick(time.Hour) {
		audit.Exec("INSERT INTO audit_runs (at) VALUES (now())") // want `ticker loop in auditLoop runs on every replica and writes the SQL database`
	}
}

func init() {
	go pruneLoop()
	go auditLoop()
}
