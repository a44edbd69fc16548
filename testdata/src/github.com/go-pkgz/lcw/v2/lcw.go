// Package lcw is a stub of github.com/go-pkgz/lcw/v2: loading caches
// behind one interface, in process memory (ExpirableCache) or in Redis
// (RedisCache).
package lcw

import (
	"sync"

	"github.com/redis/go-redis/v9"
)

// LoadingCache looks a key up and, on a miss, fills it from fn.
type LoadingCache[V any] interface {
	Get(key string, fn func() (V, error)) (data V, err error)
	Peek(key string) (V, bool)
	Delete(key string)
	Close() error
}

// ExpirableCache keeps its entries in this process.
type ExpirableCache[V any] struct {
	mu    sync.Mutex
	items map[string]V
}

// NewExpirableCache returns an empty cache.
func NewExpirableCache[V any]() (*ExpirableCache[V], error) {
	return &ExpirableCache[V]{items: map[string]V{}}, nil
}

// Get returns the entry of key, loading it with fn on a miss.
func (c *ExpirableCache[V]) Get(key string, fn func() (V, error)) (V, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.items[key]; ok {
		return v, nil
	}
	v, err := fn()
	if err == nil {
		c.items[key] = v
	}
	return v, err
}

// Peek returns the entry of key, if any.
func (c *ExpirableCache[V]) Peek(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.items[key]
	return v, ok
}

// Delete drops key.
func (c *ExpirableCache[V]) Delete(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.items, key)
}

// Close does nothing.
func (c *ExpirableCache[V]) Close() error { return nil }

// RedisCache keeps its entries in Redis.
type RedisCache[V any] struct {
	backend *redis.Client
}

// NewRedisCache returns a cache over backend.
func NewRedisCache[V any](backend *redis.Client) (*RedisCache[V], error) {
	return &RedisCache[V]{backend: backend}, nil
}

// Get returns the entry of key, loading it with fn on a miss.
func (c *RedisCache[V]) Get(key string, fn func() (V, error)) (V, error) { return fn() }

// Peek returns the entry of key, if any.
func (c *RedisCache[V]) Peek(key string) (V, bool) {
	var v V
	return v, false
}

// Delete drops key.
func (c *RedisCache[V]) Delete(key string) {}

// Close closes nothing.
func (c *RedisCache[V]) Close() error { return nil }
