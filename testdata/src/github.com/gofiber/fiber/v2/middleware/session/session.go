// Package session is a stub of github.com/gofiber/fiber/v2@v2.52.15 for statelint's tests: only the signatures the tests use.
package session

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// Config mirrors the real one; a nil Storage means the in-memory default
// (memory.New()).
type Config struct {
	Expiration     time.Duration
	Storage        fiber.Storage
	KeyLookup      string
	CookieSecure   bool
	CookieHTTPOnly bool
	KeyGenerator   func() string
}

type Store struct {
	Config
}

func New(config ...Config) *Store {
	var cfg Config
	if len(config) > 0 {
		cfg = config[0]
	}
	return &Store{cfg}
}

func (s *Store) Get(c *fiber.Ctx) (*Session, error) { return &Session{}, nil }
func (s *Store) Delete(id string) error             { return nil }

type Session struct {
	id string
}

func (s *Session) Fresh() bool                     { return false }
func (s *Session) ID() string                      { return s.id }
func (s *Session) Get(key string) interface{}      { return nil }
func (s *Session) Set(key string, val interface{}) {}
func (s *Session) Delete(key string)               {}
func (s *Session) Destroy() error                  { return nil }
func (s *Session) Regenerate() error               { return nil }
func (s *Session) Save() error                     { return nil }
