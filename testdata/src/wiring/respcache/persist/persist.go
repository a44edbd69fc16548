// Package persist declares the store of a response cache and its
// in-memory implementation (gin-cache's persist).
package persist

import (
	"context"
	"sync"
	"time"

	"github.com/ReneKroon/ttlcache/v2"
	"github.com/redis/go-redis/v9"
)

// CacheStore keeps cached responses.
type CacheStore interface {
	Get(key string) ([]byte, bool)
	Set(key string, value []byte, ttl time.Duration)
}

// MemoryStore keeps the responses in this process.
type MemoryStore struct {
	mu      sync.Mutex
	entries map[string][]byte
}

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore { return &MemoryStore{entries: map[string][]byte{}} }

// Get looks a response up.
func (s *MemoryStore) Get(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.entries[key]
	return v, ok
}

// Set stores a response.
func (s *MemoryStore) Set(key string, value []byte, ttl time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries[key] = value
}

// RedisStore keeps the responses in Redis, shared by every replica.
type RedisStore struct {
	rdb *redis.Client
}

// NewRedisStore returns a store over a Redis client.
func NewRedisStore(rdb *redis.Client) *RedisStore { return &RedisStore{rdb: rdb} }

// Get looks a response up.
func (s *RedisStore) Get(key string) ([]byte, bool) {
	b, err := s.rdb.Get(context.Background(), key).Bytes()
	return b, err == nil
}

// Set stores a response.
func (s *RedisStore) Set(key string, value []byte, ttl time.Duration) {
	s.rdb.Set(context.Background(), key, value, ttl)
}

// TTLStore keeps the responses in a cache library's cache, in this
// process: a dependency whose type no table names (gin-cache's
// MemoryStore over ttlcache).
type TTLStore struct {
	Cache *ttlcache.Cache
}

// NewTTLStore returns an empty store.
func NewTTLStore() *TTLStore { return &TTLStore{Cache: ttlcache.NewCache()} }

// Get looks a response up.
func (s *TTLStore) Get(key string) ([]byte, bool) {
	v, err := s.Cache.Get(key)
	if err != nil {
		return nil, false
	}
	return v.([]byte), true
}

// Set stores a response.
func (s *TTLStore) Set(key string, value []byte, ttl time.Duration) {
	s.Cache.SetWithTTL(key, value, ttl)
}
