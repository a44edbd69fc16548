// Package expirable is a stub of github.com/hashicorp/golang-lru/v2@v2.0.7 for statelint's tests: only the signatures the tests use.
package expirable

import "time"

type EvictCallback[K comparable, V any] func(key K, value V)

type LRU[K comparable, V any] struct {
	items map[K]V
}

func NewLRU[K comparable, V any](size int, onEvict EvictCallback[K, V], ttl time.Duration) *LRU[K, V] {
	return &LRU[K, V]{items: make(map[K]V)}
}

func (c *LRU[K, V]) Add(key K, value V) (evicted bool) { c.items[key] = value; return false }
func (c *LRU[K, V]) Get(key K) (value V, ok bool)      { value, ok = c.items[key]; return }
func (c *LRU[K, V]) Remove(key K) bool                 { delete(c.items, key); return true }
func (c *LRU[K, V]) Len() int                          { return len(c.items) }
