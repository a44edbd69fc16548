// Package lru is a stub of github.com/hashicorp/golang-lru/v2@v2.0.7 for statelint's tests: only the signatures the tests use.
package lru

type Cache[K comparable, V any] struct {
	items map[K]V
}

func New[K comparable, V any](size int) (*Cache[K, V], error) {
	return &Cache[K, V]{items: make(map[K]V)}, nil
}

func NewWithEvict[K comparable, V any](size int, onEvicted func(key K, value V)) (c *Cache[K, V], err error) {
	return &Cache[K, V]{items: make(map[K]V)}, nil
}

func (c *Cache[K, V]) Add(key K, value V) (evicted bool) { c.items[key] = value; return false }
func (c *Cache[K, V]) Get(key K) (value V, ok bool)      { value, ok = c.items[key]; return }
func (c *Cache[K, V]) Contains(key K) bool               { _, ok := c.items[key]; return ok }
func (c *Cache[K, V]) Peek(key K) (value V, ok bool)     { value, ok = c.items[key]; return }
func (c *Cache[K, V]) Remove(key K) (present bool)       { delete(c.items, key); return true }
func (c *Cache[K, V]) Len() int                          { return len(c.items) }
