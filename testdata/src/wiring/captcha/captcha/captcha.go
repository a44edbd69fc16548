// Package captcha keeps captcha answers behind a Store interface, with a
// default in-memory store in a package-level variable (base64Captcha's
// DefaultMemStore).
package captcha

import (
	"context"
	"sync"

	"github.com/redis/go-redis/v9"
)

// Store keeps the answers by captcha ID.
type Store interface {
	Set(id, value string)
	Verify(id, answer string, clear bool) bool
}

// DefaultMemStore is the store programs use unless they choose another.
var DefaultMemStore = NewMemoryStore()

type memoryStore struct {
	mu         sync.Mutex
	digitsByID map[string]string
}

// NewMemoryStore returns a store in this process's memory.
func NewMemoryStore() Store { return &memoryStore{digitsByID: map[string]string{}} }

func (s *memoryStore) Set(id, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.digitsByID[id] = value
}

func (s *memoryStore) Verify(id, answer string, clear bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := s.digitsByID[id]
	if clear {
		delete(s.digitsByID, id)
	}
	return v == answer
}

// SyncMapStore is another in-memory store, which makes the calls
// ambiguous to a package that does not say which one it uses.
type SyncMapStore struct {
	m sync.Map
}

// Set stores an answer.
func (s *SyncMapStore) Set(id, value string) { s.m.Store(id, value) }

// Verify checks an answer.
func (s *SyncMapStore) Verify(id, answer string, clear bool) bool {
	v, ok := s.m.Load(id)
	return ok && v == answer
}

// RedisStore keeps the answers in Redis, shared by every replica.
type RedisStore struct {
	rdb *redis.Client
}

// NewRedisStore returns a store over a Redis client.
func NewRedisStore(rdb *redis.Client) Store { return &RedisStore{rdb: rdb} }

// Set stores an answer.
func (s *RedisStore) Set(id, value string) { s.rdb.Set(context.Background(), id, value, 0) }

// Verify checks an answer.
func (s *RedisStore) Verify(id, answer string, clear bool) bool {
	return s.rdb.Get(context.Background(), id).Val() == answer
}

// FixedStore answers from a table loaded at startup and only read.
type FixedStore struct {
	answers map[string]string
}

// NewFixedStore returns a store over fixed answers.
func NewFixedStore(answers map[string]string) Store { return &FixedStore{answers: answers} }

// Set ignores new answers.
func (s *FixedStore) Set(id, value string) {}

// Verify checks an answer.
func (s *FixedStore) Verify(id, answer string, clear bool) bool { return s.answers[id] == answer }
