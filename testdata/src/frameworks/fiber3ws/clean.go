package fiber3ws

import (
	"github.com/gofiber/contrib/v3/websocket"
	"github.com/gofiber/fiber/v3"
)

// The clean twin: an echo that keeps nothing beyond its own connection.
func cleanSetup(app *fiber.App) {
	app.Get("/echo", websocket.New(func(c *websocket.Conn) {
		for {
			mt, msg, err := c.ReadMessage()
			if err != nil {
				return
			}
			c.WriteMessage(mt, msg)
		}
	}))
}
