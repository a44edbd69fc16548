// Package hub is seed 002's WebSocket case: a registry of connections that
// a broadcast iterates, so a message reaches only this replica's clients.
package hub

import (
	"net/http"
	"sync"

	"github.com/gorilla/websocket"
)

var (
	upgrader websocket.Upgrader
	mu       sync.Mutex
	conns    = map[*websocket.Conn]bool{}
)

func ws(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	mu.Lock()
	conns[c] = true // want `in-process connection registry conns is written by handler for "/ws": a broadcast reaches only the clients connected to this replica; fan out through pub/sub \(Redis Pub/Sub, NATS\) and keep only the live connection sticky`
	mu.Unlock()
}

func broadcast(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	for c := range conns {
		c.WriteMessage(1, []byte(r.FormValue("msg")))
	}
}

// SSE subscribers are the same registry with channels.
var subscribers = map[chan string]struct{}{}

func events(w http.ResponseWriter, r *http.Request) {
	ch := make(chan string)
	mu.Lock()
	subscribers[ch] = struct{}{} // want `in-process connection registry subscribers is written by handler for "/events"`
	mu.Unlock()
	for msg := range ch {
		w.Write([]byte(msg))
	}
}

func main() {
	http.HandleFunc("/ws", ws)
	http.HandleFunc("/broadcast", broadcast)
	http.HandleFunc("/events", events)
	http.ListenAndServe(":8080", nil)
}
