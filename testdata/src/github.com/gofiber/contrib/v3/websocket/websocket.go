// Package websocket is a stub of github.com/gofiber/contrib/v3/websocket (fiber v3's websocket, commit 23482acf) for statelint's tests: only the signatures the tests use.
package websocket

import "github.com/gofiber/fiber/v3"

type Config struct {
	Origins []string
}

// New upgrades the request and calls handler with the connection.
func New(handler func(*Conn), config ...Config) fiber.Handler {
	return func(c fiber.Ctx) error {
		handler(&Conn{})
		return nil
	}
}

type Conn struct{}

func (conn *Conn) Params(key string, defaultValue ...string) string    { return "" }
func (conn *Conn) ReadMessage() (messageType int, p []byte, err error) { return 0, nil, nil }
func (conn *Conn) WriteMessage(messageType int, data []byte) error     { return nil }
func (conn *Conn) Close() error                                        { return nil }
