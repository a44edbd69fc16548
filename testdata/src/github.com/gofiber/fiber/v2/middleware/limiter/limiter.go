// Package limiter is a stub of github.com/gofiber/fiber/v2@v2.52.15/middleware/limiter
// for statelint's tests: only the signatures the tests use.
package limiter

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// Config mirrors the real one; a nil Storage means the in-memory default.
type Config struct {
	Max        int
	Expiration time.Duration
	Storage    fiber.Storage
}

func New(config ...Config) fiber.Handler {
	return func(c *fiber.Ctx) error { return c.Next() }
}
