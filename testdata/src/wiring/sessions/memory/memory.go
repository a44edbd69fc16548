// Package memory keeps sessions in this process's memory.
package memory

import "sync"

// Store holds the sessions.
type Store struct {
	mu       sync.Mutex
	sessions map[string]string
}

// New returns an empty store.
func New() *Store { return &Store{sessions: map[string]string{}} }

// Put stores a session.
func (s *Store) Put(id, user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sessions[id] = user
}
