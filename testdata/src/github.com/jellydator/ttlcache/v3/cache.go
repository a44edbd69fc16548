// Package ttlcache is a stub of github.com/jellydator/ttlcache/v3@v3.4.1 for statelint's tests: only the signatures the tests use.
package ttlcache

import "time"

const (
	NoTTL                time.Duration = -1
	PreviousOrDefaultTTL time.Duration = -2
	DefaultTTL           time.Duration = 0
)

type Item[K comparable, V any] struct {
	key   K
	value V
}

func (item *Item[K, V]) Key() K   { return item.key }
func (item *Item[K, V]) Value() V { return item.value }

type options[K comparable, V any] struct {
	ttl time.Duration
}

type Option[K comparable, V any] interface {
	apply(opts options[K, V]) options[K, V]
}

type optionFunc[K comparable, V any] func(options[K, V]) options[K, V]

func (fn optionFunc[K, V]) apply(opts options[K, V]) options[K, V] { return fn(opts) }

func WithTTL[K comparable, V any](ttl time.Duration) Option[K, V] {
	return optionFunc[K, V](func(opts options[K, V]) options[K, V] {
		opts.ttl = ttl
		return opts
	})
}

type Cache[K comparable, V any] struct {
	items map[K]*Item[K, V]
}

func New[K comparable, V any](opts ...Option[K, V]) *Cache[K, V] {
	return &Cache[K, V]{items: make(map[K]*Item[K, V])}
}

func (c *Cache[K, V]) Set(key K, value V, ttl time.Duration) *Item[K, V] {
	it := &Item[K, V]{key: key, value: value}
	c.items[key] = it
	return it
}
func (c *Cache[K, V]) Get(key K, opts ...Option[K, V]) *Item[K, V] { return c.items[key] }
func (c *Cache[K, V]) Delete(key K)                                { delete(c.items, key) }
func (c *Cache[K, V]) Start()                                      {}
func (c *Cache[K, V]) Stop()                                       {}
