package main

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
	"github.com/gofiber/fiber/v2/middleware/session"
	"github.com/redis/go-redis/v9"
)

// Session middleware: session.New() keeps sessions in this process's
// memory; with a Storage backed by Redis it does not.
func sessionRoutes(app *fiber.App) {
	memStore := session.New()
	app.Post("/mem/login", func(c *fiber.Ctx) error { return sessionLogin(memStore, c) })

	shared := session.New(session.Config{Storage: &redisStorage{rdb: rdb}})
	app.Post("/shared/login", func(c *fiber.Ctx) error { return sessionLogin(shared, c) })

	// The rate limiter keeps its counters the same way.
	app.Group("/mem/api").Use(limiter.New(limiter.Config{Max: 20}))
	app.Group("/shared/api").Use(limiter.New(limiter.Config{Max: 20, Storage: &redisStorage{rdb: rdb}}))
}

func sessionLogin(store *session.Store, c *fiber.Ctx) error {
	s, err := store.Get(c)
	if err != nil {
		return err
	}
	s.Set("user", c.FormValue("user"))
	return s.Save()
}

// redisStorage is a fiber.Storage over go-redis, as gofiber/storage/redis
// provides.
type redisStorage struct {
	rdb *redis.Client
}

func (s *redisStorage) Get(key string) ([]byte, error) {
	b, err := s.rdb.Get(context.Background(), key).Bytes()
	if err == redis.Nil {
		return nil, nil
	}
	return b, err
}

func (s *redisStorage) Set(key string, val []byte, exp time.Duration) error {
	return s.rdb.Set(context.Background(), key, val, exp).Err()
}

func (s *redisStorage) Delete(key string) error {
	return s.rdb.Del(context.Background(), key).Err()
}

func (s *redisStorage) Reset() error { return nil }
func (s *redisStorage) Close() error { return nil }
