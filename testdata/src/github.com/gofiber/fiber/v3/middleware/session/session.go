// Package session is a stub of github.com/gofiber/fiber/v3@v3.1.0 for
// statelint's tests: only the signatures the tests use, and the way the
// real package's constructors call one another.
package session

import "github.com/gofiber/fiber/v3"

// Storage is where sessions are kept; nil means the in-memory default.
type Storage interface {
	Set(key string, val []byte) error
}

// Config mirrors the real one.
type Config struct {
	Storage Storage
	Store   *Store
}

// Store keeps sessions in its Storage.
type Store struct {
	Config
}

// NewStore makes a store, in memory unless Storage is set.
func NewStore(config ...Config) *Store {
	var cfg Config
	if len(config) > 0 {
		cfg = config[0]
	}
	return &Store{cfg}
}

// NewWithStore makes the middleware and its store.
func NewWithStore(config ...Config) (fiber.Handler, *Store) {
	var cfg Config
	if len(config) > 0 {
		cfg = config[0]
	}
	if cfg.Store == nil {
		cfg.Store = NewStore(cfg)
	}
	return func(c fiber.Ctx) error { return c.Next() }, cfg.Store
}

// New makes the middleware.
func New(config ...Config) fiber.Handler {
	if len(config) > 0 {
		handler, _ := NewWithStore(config[0])
		return handler
	}
	handler, _ := NewWithStore()
	return handler
}
