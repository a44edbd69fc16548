// Package store reads products from the database, with a cache in front.
package store

import (
	"database/sql"
	"sync"
)

var (
	mu    sync.RWMutex
	cache = map[string]string{}
)

// Product returns a product's name, from the cache when it has it.
func Product(db *sql.DB, id string) (string, error) {
	mu.RLock()
	name, ok := cache[id]
	mu.RUnlock()
	if ok {
		return name, nil
	}
	if err := db.QueryRow("SELECT name FROM products WHERE id = $1", id).Scan(&name); err != nil {
		return "", err
	}
	mu.Lock()
	cache[id] = name
	mu.Unlock()
	return name, nil
}
