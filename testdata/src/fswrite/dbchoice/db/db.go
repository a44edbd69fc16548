// Package db opens the program's database with the driver its caller
// names: whether the records live in a file on this machine is decided
// where Open is called.
package db

import "database/sql"

// Store keeps the program's records in an SQL database.
type Store struct{ db *sql.DB }

// Open opens the store's database; the caller chooses the driver.
func Open(driver, dsn string) (*Store, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, err
	}
	return &Store{db: db}, nil
}

// Save stores one record.
func (s *Store) Save(k, v string) error {
	_, err := s.db.Exec("INSERT INTO kv (k, v) VALUES ($1, $2)", k, v)
	return err
}
