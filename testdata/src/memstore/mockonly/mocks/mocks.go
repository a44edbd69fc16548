// Package mocks holds an in-memory Store for tests.
package mocks

import "sync"

// MockStore keeps what it is given in a map.
type MockStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

// New returns an empty MockStore.
func New() *MockStore { return &MockStore{m: map[string][]byte{}} }

// Save stores val under key.
func (s *MockStore) Save(key string, val []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = val
	return nil
}
