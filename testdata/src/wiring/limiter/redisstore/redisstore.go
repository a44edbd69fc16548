// Package redisstore counts requests in Redis, shared by every replica:
// the clean twin of memorystore.
package redisstore

import (
	"context"

	"github.com/redis/go-redis/v9"

	"wiring/limiter/limiter"
)

type store struct {
	rdb *redis.Client
}

// New returns a store over a Redis client.
func New(rdb *redis.Client) (limiter.Store, error) { return &store{rdb: rdb}, nil }

func (s *store) Take(key string) bool {
	return s.rdb.Incr(context.Background(), key).Val() <= 100
}
