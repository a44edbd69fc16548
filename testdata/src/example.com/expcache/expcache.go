// Package expcache is an expirable cache behind a generic interface, as
// github.com/go-pkgz/expirable-cache/v3 ships it: the interface is all a
// user sees, and the map is in its one unexported implementation.
package expcache

import (
	"sync"
	"time"
)

// Cache keeps values by key until they expire.
type Cache[K comparable, V any] interface {
	Set(key K, value V, ttl time.Duration)
	Get(key K) (V, bool)
}

type cacheImpl[K comparable, V any] struct {
	mu    sync.Mutex
	items map[K]V
}

// NewCache returns an empty cache.
func NewCache[K comparable, V any]() Cache[K, V] {
	return &cacheImpl[K, V]{items: map[K]V{}}
}

func (c *cacheImpl[K, V]) Set(key K, value V, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = value
}

func (c *cacheImpl[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[key]
	return v, ok
}
