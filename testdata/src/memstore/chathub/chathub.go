// Package chathub is gorilla/websocket's chat example in miniature: the
// hub is built in main and captured by the /ws handler; each client
// registers through a channel and unregisters from its read goroutine.
package chathub

import (
	"net/http"

	"github.com/gorilla/websocket"
)

type Hub struct {
	clients    map[*Client]bool
	register   chan *Client
	unregister chan *Client
}

type Client struct {
	hub  *Hub
	conn *websocket.Conn
}

func (c *Client) readPump() {
	defer func() {
		c.hub.unregister <- c // want `in-process connection registry hub.unregister is written by handler for "/ws"`
	}()
	for {
		if _, _, err := c.conn.ReadMessage(); err != nil {
			return
		}
	}
}

var upgrader websocket.Upgrader

func serveWs(hub *Hub, w http.ResponseWriter, r *http.Request) {
	conn, _ := upgrader.Upgrade(w, r, nil)
	client := &Client{hub: hub, conn: conn}
	client.hub.register <- client // want `in-process connection registry hub.register is written by handler for "/ws"`
	go client.readPump()
}

func (h *Hub) run() {
	for {
		select {
		case c := <-h.register:
			h.clients[c] = true
		case c := <-h.unregister:
			delete(h.clients, c)
		}
	}
}

func main() {
	hub := &Hub{clients: map[*Client]bool{}, register: make(chan *Client), unregister: make(chan *Client)}
	go hub.run()
	http.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) { serveWs(hub, w, r) })
}
