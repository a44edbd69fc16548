// Package sqlstore keeps messages in a database: the clean twin of mem.
package sqlstore

import (
	"database/sql"

	"wiring/registry/storage"
)

type store struct{ db *sql.DB }

// New opens the database.
func New(dsn string) (storage.Store, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return &store{db: db}, nil
}

func (s *store) Add(mailbox, msg string) error {
	_, err := s.db.Exec("INSERT INTO messages (mailbox, body) VALUES ($1, $2)", mailbox, msg)
	return err
}

func (s *store) List(mailbox string) ([]string, error) {
	rows, err := s.db.Query("SELECT body FROM messages WHERE mailbox = $1", mailbox)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
