// Package ristretto is a stub of github.com/dgraph-io/ristretto/v2@v2.4.2 for statelint's tests: only the signatures the tests use.
package ristretto

import (
	"time"

	"github.com/dgraph-io/ristretto/v2/z"
)

type Key = z.Key

type Config[K Key, V any] struct {
	NumCounters int64
	MaxCost     int64
	BufferItems int64
	Metrics     bool
}

type Cache[K Key, V any] struct {
	config *Config[K, V]
}

func NewCache[K Key, V any](config *Config[K, V]) (*Cache[K, V], error) {
	return &Cache[K, V]{config: config}, nil
}

func (c *Cache[K, V]) Wait()                                                         {}
func (c *Cache[K, V]) Get(key K) (V, bool)                                           { var v V; return v, false }
func (c *Cache[K, V]) Set(key K, value V, cost int64) bool                           { return true }
func (c *Cache[K, V]) SetWithTTL(key K, value V, cost int64, ttl time.Duration) bool { return true }
func (c *Cache[K, V]) Del(key K)                                                     {}
func (c *Cache[K, V]) Close()                                                        {}
