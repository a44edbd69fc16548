// Package ifacestore is a service's storage layer behind an interface:
// the composition root picks an implementation, SQL or in memory, and
// the rest of the service calls it through Store.
package ifacestore

import (
	"database/sql"

	"singlereplica/ifacestore/memstore"
	"singlereplica/ifacestore/sqlstore"
)

// Store keeps the results of checks.
type Store interface {
	InsertResult(endpoint string, ok bool) error
	Results(endpoint string) []bool
}

// Cache keeps what this replica computed, in memory only.
type Cache interface {
	Evict()
}

// Accounts keeps balances.
type Accounts interface {
	Balance(id string) int
	SetBalance(id string, bal int)
	TryWithdraw(id string, amount int) bool
}

var store Store

// Open wires the store the configuration asks for.
func Open(db *sql.DB) {
	if db == nil {
		store = memstore.New()
		return
	}
	store = sqlstore.New(db)
}

// Get returns the store Open wired.
func Get() Store { return store }

// NewCache returns this replica's cache.
func NewCache() Cache { return memstore.New() }

// NewAccounts returns the SQL accounts.
func NewAccounts(db *sql.DB) Accounts { return sqlstore.NewAccounts(db) }
