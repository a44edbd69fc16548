// Package websocket is a stub of github.com/gofiber/contrib/websocket@v1.3.4 for statelint's tests: only the signatures the tests use.
package websocket

import (
	"github.com/fasthttp/websocket"
	"github.com/gofiber/fiber/v2"
)

const (
	TextMessage   = 1
	BinaryMessage = 2
)

type Config struct {
	Origins []string
}

// New upgrades the request and calls handler with the connection; the
// returned fiber.Handler is what gets registered on a route.
func New(handler func(*Conn), config ...Config) fiber.Handler {
	return func(c *fiber.Ctx) error {
		handler(&Conn{})
		return nil
	}
}

type Conn struct {
	*websocket.Conn
	locals map[string]interface{}
	params map[string]string
}

func (conn *Conn) Locals(key string, value ...interface{}) interface{} { return nil }
func (conn *Conn) Params(key string, defaultValue ...string) string    { return "" }
func (conn *Conn) Query(key string, defaultValue ...string) string     { return "" }
func (conn *Conn) Cookies(key string, defaultValue ...string) string   { return "" }
func (conn *Conn) IP() string                                          { return "" }

func IsWebSocketUpgrade(c *fiber.Ctx) bool { return false }
