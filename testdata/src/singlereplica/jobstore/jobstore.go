// Package jobstore does the external work of singlereplica/jobs one
// call down.
package jobstore

import (
	"database/sql"
	"net/smtp"
)

// SendDigest emails one user.
func SendDigest(to string) error { // want SendDigest:`extio\(send smtp via smtp.SendMail; param 0 written to smtp\)`
	return smtp.SendMail("smtp:25", nil, "news@example.com", []string{to}, []byte("digest"))
}

// Archive copies old orders.
func Archive(db *sql.DB) { // want Archive:`extio\(write sql via \(\*sql.DB\).Exec\)`
	db.Exec("INSERT INTO archive SELECT * FROM orders WHERE created < now() - interval '1 year'")
}

// Purge deletes expired sessions: repeating it changes nothing.
func Purge(db *sql.DB) { // want Purge:`extio\(write sql enforced idempotent constant via \(\*sql.DB\).Exec\)`
	db.Exec("DELETE FROM sessions WHERE expires < now()")
}
