// Package hub keeps the live connections and the sessions in this
// process's memory.
package hub

import (
	"log"
	"sync"
)

// Hub is the registry of live connections.
type Hub struct {
	mu    sync.Mutex
	conns map[string]chan []byte
}

// New returns an empty hub.
func New() *Hub { return &Hub{conns: map[string]chan []byte{}} }

// Remove drops a connection.
func (h *Hub) Remove(id string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.conns, id)
	return nil
}

// Sessions are the logged-in users, by connection.
type Sessions struct {
	mu    sync.Mutex
	users map[string]string
}

// NewSessions returns an empty table.
func NewSessions() *Sessions { return &Sessions{users: map[string]string{}} }

// Deleted logs the connection's user out.
func (s *Sessions) Deleted(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.users, id)
}

// Audit logs a deletion and keeps nothing.
func Audit(id string) error {
	log.Printf("deleted %s", id)
	return nil
}

// Logger is a listener that only logs.
type Logger struct{ Prefix string }

// Deleted logs the deletion.
func (l Logger) Deleted(id string) { log.Printf("%s: deleted %s", l.Prefix, id) }
