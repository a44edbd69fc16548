// Package ttlcache is a stub of github.com/ReneKroon/ttlcache/v2@v2.11.0 for statelint's tests: only the signatures the tests use, and the shape of its fields.
package ttlcache

import (
	"sync"
	"time"
)

type item struct {
	key     string
	data    interface{}
	expires time.Time
}

// Cache keeps its items in this process.
type Cache struct {
	mutex sync.Mutex
	items map[string]*item
	ttl   time.Duration
}

func NewCache() *Cache { return &Cache{items: map[string]*item{}} }

func (cache *Cache) Set(key string, data interface{}) error { return nil }
func (cache *Cache) Get(key string) (interface{}, error)    { return nil, nil }
func (cache *Cache) Remove(key string) error                { return nil }
func (cache *Cache) SetTTL(ttl time.Duration) error         { return nil }

func (cache *Cache) SetWithTTL(key string, data interface{}, ttl time.Duration) error {
	return nil
}
