// Package cache is a stub of github.com/patrickmn/go-cache@v2.1.0+incompatible for statelint's tests: only the signatures the tests use.
package cache

import "time"

const (
	NoExpiration      time.Duration = -1
	DefaultExpiration time.Duration = 0
)

type Item struct {
	Object     interface{}
	Expiration int64
}

// Cache embeds *cache, so its methods have the unexported receiver type, as
// in the real module.
type Cache struct {
	*cache
}

type cache struct {
	defaultExpiration time.Duration
	items             map[string]Item
}

func New(defaultExpiration, cleanupInterval time.Duration) *Cache {
	return &Cache{&cache{defaultExpiration: defaultExpiration, items: make(map[string]Item)}}
}

func (c *cache) Set(k string, x interface{}, d time.Duration) { c.items[k] = Item{Object: x} }
func (c *cache) SetDefault(k string, x interface{})           { c.Set(k, x, DefaultExpiration) }
func (c *cache) Add(k string, x interface{}, d time.Duration) error {
	c.items[k] = Item{Object: x}
	return nil
}
func (c *cache) Get(k string) (interface{}, bool) {
	it, ok := c.items[k]
	return it.Object, ok
}
func (c *cache) Increment(k string, n int64) error { return nil }
func (c *cache) Delete(k string)                   { delete(c.items, k) }
func (c *cache) Items() map[string]Item            { return c.items }
