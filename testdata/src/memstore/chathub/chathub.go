// Package chathub is gorilla/websocket's chat example in miniature: the
// hub is built in main and captured by the /ws handler; each client
// registers through a channel and unregisters from its read goroutine.
package chathub

import (
	"log"
	"net/http"

	"github.com/gorilla/websocket"
)

type Hub struct {
	clients    map[*Client]bool
	register   chan *Client
	unregister chan *Client
	// broadcast is relayed to every client the hub holds: a send on it
	// is a broadcast, which reads the registry the register send fills,
	// and keeps nothing itself. Silent.
	broadcast chan []byte
	// history is also kept by the loop that relays it: a queue.
	history chan []byte
	log     [][]byte
}

type Client struct {
	hub  *Hub
	conn *websocket.Conn
	send chan []byte
}

func (c *Client) readPump() {
	defer func() {
		c.hub.unregister <- c // want `in-process connection registry hub.unregister is written by handler for "/ws"`
	}()
	for {
		_, msg, err := c.conn.ReadMessage()
		if err != nil {
			return
		}
		c.hub.broadcast <- msg
		c.hub.history <- msg // want `in-process connection registry hub.history is written by handler for "/ws"`
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
		case m := <-h.broadcast:
			framed, err := frame(m)
			if err != nil {
				log.Printf("frame: %s", err.Error())
				continue
			}
			for c := range h.clients {
				select {
				case c.send <- framed:
				default:
				}
			}
		case m := <-h.history:
			h.log = append(h.log, m)
			for c := range h.clients {
				c.send <- m
			}
		}
	}
}

func main() {
	hub := &Hub{clients: map[*Client]bool{}, register: make(chan *Client), unregister: make(chan *Client),
		broadcast: make(chan []byte, 16), history: make(chan []byte, 16)}
	go hub.run()
	http.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) { serveWs(hub, w, r) })
}

// frame prepares a message for the wire, as websocket.NewPreparedMessage.
func frame(m []byte) ([]byte, error) {
	if len(m) == 0 {
		return nil, errEmpty
	}
	return append([]byte{0x81}, m...), nil
}

var errEmpty = &frameError{"empty message"}

type frameError struct{ s string }

func (e *frameError) Error() string { return e.s }
