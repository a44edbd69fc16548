// Package cmap is a sharded map of the module's own, generic in what it
// holds: its summary speaks of its type parameters, so what an instance
// keeps is for the instance's user to say.
package cmap

import "sync"

type shard[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// Map is a map split into shards.
type Map[K comparable, V any] struct {
	shards []*shard[K, V]
}

// New returns a map of n shards.
func New[K comparable, V any](n int) *Map[K, V] {
	m := &Map[K, V]{}
	for range n {
		m.shards = append(m.shards, &shard[K, V]{m: map[K]V{}})
	}
	return m
}

func (m *Map[K, V]) shard(k K) *shard[K, V] { return m.shards[0] }

// Store keeps v under k.
func (m *Map[K, V]) Store(k K, v V) {
	s := m.shard(k)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = v
}

// Load returns what k holds.
func (m *Map[K, V]) Load(k K) (V, bool) {
	s := m.shard(k)
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	return v, ok
}
