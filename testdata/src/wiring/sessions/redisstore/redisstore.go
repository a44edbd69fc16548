// Package redisstore keeps sessions in Redis: the clean twin of memory.
package redisstore

import (
	"context"

	"github.com/redis/go-redis/v9"
)

// Store holds a Redis client.
type Store struct {
	rdb *redis.Client
}

// New returns a store over Redis at addr.
func New(addr string) *Store { return &Store{rdb: redis.NewClient(&redis.Options{Addr: addr})} }

// Put stores a session.
func (s *Store) Put(id, user string) { s.rdb.Set(context.Background(), id, user, 0) }
