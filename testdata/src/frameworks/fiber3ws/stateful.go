// Package fiber3ws is a fiber v3 chat server on gofiber/contrib's v3
// websocket package, whose connection callback keeps a registry in
// process memory. clean.go has the clean twin.
package fiber3ws

import (
	"sync"

	"github.com/gofiber/contrib/v3/websocket"
	"github.com/gofiber/fiber/v3"
)

var (
	mu      sync.Mutex
	clients = map[*websocket.Conn]bool{}
)

func setup(app *fiber.App) {
	app.Get("/ws", websocket.New(func(c *websocket.Conn) {
		mu.Lock()
		clients[c] = true // want `in-process connection registry clients is written by handler for "GET /ws"`
		mu.Unlock()
		for {
			_, msg, err := c.ReadMessage()
			if err != nil {
				return
			}
			mu.Lock()
			for cl := range clients {
				cl.WriteMessage(1, msg)
			}
			mu.Unlock()
		}
	}))
}
