// Package gorm is a stub of github.com/jinzhu/gorm (gorm v1): Open takes
// the dialect's name and its data source among variadic arguments.
package gorm

// DB is a handle on a database.
type DB struct{}

// Open opens a database of the named dialect ("sqlite3", "postgres").
func Open(dialect string, args ...interface{}) (*DB, error) { return &DB{}, nil }

// Create inserts a row.
func (db *DB) Create(value interface{}) *DB { return db }
