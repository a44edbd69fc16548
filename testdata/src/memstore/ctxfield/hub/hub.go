// Package hub relays events to the listeners registered with it.
package hub

import "sync"

// Hub keeps the listeners of this process.
type Hub struct {
	mu        sync.Mutex
	listeners map[string]chan string
}

// New returns an empty hub.
func New() *Hub { return &Hub{listeners: map[string]chan string{}} }

// Add registers a listener.
func (h *Hub) Add(id string, c chan string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.listeners[id] = c
}

// Send relays an event to every listener.
func (h *Hub) Send(ev string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, c := range h.listeners {
		c <- ev
	}
}
