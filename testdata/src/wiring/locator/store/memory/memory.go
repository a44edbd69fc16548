// Package memory keeps results in a map of the process.
package memory

import "sync"

type Store struct {
	mu      sync.Mutex
	results map[string]string
}

func New() *Store { return &Store{results: map[string]string{}} }

func (s *Store) Insert(key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results[key] = value
	return nil
}

func (s *Store) Lookup(key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.results[key], nil
}
