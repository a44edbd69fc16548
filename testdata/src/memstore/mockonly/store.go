// Package mockonly keeps sessions in a Store that the program wires in
// elsewhere; its tests use an in-memory mock from a package that only
// they import. The mock is not what the program runs: no finding.
package mockonly

import "net/http"

// Store persists sessions.
type Store interface {
	Save(key string, val []byte) error
}

// Manager saves sessions in its Store.
type Manager struct {
	store Store
}

// NewManager wraps a Store.
func NewManager(s Store) *Manager { return &Manager{store: s} }

// Save is a handler.
func (m *Manager) Save(w http.ResponseWriter, r *http.Request) {
	m.store.Save(r.FormValue("key"), []byte(r.FormValue("val")))
}
