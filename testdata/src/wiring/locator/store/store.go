// Package store chooses, at startup, where results live and hands them
// out through a locator (Get), which handlers of another package call.
package store

import (
	"database/sql"

	"wiring/locator/store/memory"
)

// Store keeps results by key.
type Store interface {
	Insert(key, value string) error
	Lookup(key string) (string, error)
}

var store Store

// Initialize chooses the store by configuration, once at startup.
func Initialize(kind string, db *sql.DB) {
	switch kind {
	case "postgres":
		store = &pgStore{db: db}
	default:
		store = memory.New()
	}
}

// Get returns the store Initialize chose.
func Get() Store { return store }

type pgStore struct{ db *sql.DB }

func (s *pgStore) Insert(key, value string) error {
	_, err := s.db.Exec(`INSERT INTO results (key, value) VALUES ($1, $2)`, key, value)
	return err
}

func (s *pgStore) Lookup(key string) (string, error) {
	var v string
	err := s.db.QueryRow(`SELECT value FROM results WHERE key = $1`, key).Scan(&v)
	return v, err
}
