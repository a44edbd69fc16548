// Package memorystore counts requests in this process's memory.
package memorystore

import (
	"sync"

	"wiring/limiter/limiter"
)

type store struct {
	mu      sync.Mutex
	buckets map[string]int
}

// New returns a store in memory.
func New() (limiter.Store, error) { return &store{buckets: map[string]int{}}, nil }

func (s *store) Take(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buckets[key]++
	return s.buckets[key] <= 100
}
