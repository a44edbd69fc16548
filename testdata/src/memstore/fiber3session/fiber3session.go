// Package fiber3session uses fiber v3's session middleware: without a
// Storage, sessions stay in this process. The finding is where the user
// chose it, not inside the library, whose constructors call one another.
package fiber3session

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/session"
)

type redisStorage struct{}

func (redisStorage) Set(key string, val []byte) error { return nil }

func main() {
	app := fiber.New()
	app.Use(session.New()) // want `in-memory session store session.New is written by every request that saves a session`
	app.Use(session.New(session.Config{Storage: redisStorage{}}))
	app.Listen(":3000")
}
