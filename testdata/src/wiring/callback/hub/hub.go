// Package hub keeps the live connections in this process's memory.
package hub

import (
	"log"
	"sync"

	"wiring/callback/server"
)

// Hub is the registry of live connections.
type Hub struct {
	mu    sync.Mutex
	conns map[string]chan []byte
}

// New returns an empty hub.
func New() *Hub { return &Hub{conns: map[string]chan []byte{}} }

// Remove drops a connection.
func (h *Hub) Remove(id string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.conns, id)
}

// Audit logs a deletion and keeps nothing.
func Audit(id string) { log.Printf("deleted %s", id) }

// Stamp fills in the trace it is handed: the request's own, which dies
// with it.
func Stamp(t *server.Trace) {
	t.Status = 204
	t.Tags = append(t.Tags, "deleted")
}
