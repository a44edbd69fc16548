// Package storage opens its database at startup with the embedded SQLite
// driver, and writes it from functions its handlers call: each replica
// writes a database file of its own. The events database is Postgres,
// reached over the network, and is not a finding.
package storage

import (
	"database/sql"
	"strings"
)

var (
	db     *sql.DB
	events *sql.DB
)

// The mail database's driver is chosen by its address (mailpit's
// sqlite or rqlite): the sqlite choice keeps it on this machine. The
// audit database is networked whichever driver is chosen.
var (
	mail, audit             *sql.DB
	mailDriver, auditDriver string
)

func InitMail(addr string) {
	if strings.HasPrefix(addr, "http://") {
		mailDriver = "rqlite"
	} else {
		mailDriver = "sqlite"
	}
	mail, _ = sql.Open(mailDriver, addr)
	if strings.HasPrefix(addr, "mysql://") {
		auditDriver = "mysql"
	} else {
		auditDriver = "postgres"
	}
	audit, _ = sql.Open(auditDriver, addr)
}

func Deliver(id string) {
	mail.Exec("INSERT INTO mail (id) VALUES (?)", id)
	audit.Exec("INSERT INTO audit (id) VALUES (?)", id)
}

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
