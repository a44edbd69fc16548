// Package store defines a session store interface and its in-memory
// implementation, chosen at setup.
package store

import "sync"

// Sessions stores sessions.
type Sessions interface {
	Put(id, user string)
	Get(id string) string
}

// Memory keeps sessions in this process.
type Memory struct {
	mu sync.Mutex
	m  map[string]string
}

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory { return &Memory{m: map[string]string{}} }

// Put stores a session.
func (s *Memory) Put(id, user string) {
	s.mu.Lock()
	s.m[id] = user
	s.mu.Unlock()
}

// Get reads a session.
func (s *Memory) Get(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m[id]
}
