// Package memstore implements the stores in memory.
package memstore

import "sync"

type Store struct {
	mu      sync.Mutex
	results map[string][]bool
}

func New() *Store { return &Store{results: map[string][]bool{}} }

func (s *Store) InsertResult(endpoint string, ok bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results[endpoint] = append(s.results[endpoint], ok)
	return nil
}

func (s *Store) Results(endpoint string) []bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.results[endpoint]
}

func (s *Store) Evict() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.results = map[string][]bool{}
}
