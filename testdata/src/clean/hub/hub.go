// Package hub is the clean twin of seeds/hub: each connection subscribes
// to Redis Pub/Sub in its own handler; broadcasts publish, reaching every
// replica's clients. The connection itself is a per-request local.
package hub

import (
	"net/http"

	"github.com/gorilla/websocket"
	"github.com/redis/go-redis/v9"
)

var (
	upgrader websocket.Upgrader
	rdb      *redis.Client
)

func ws(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer c.Close()
	for {
		_, msg, err := c.ReadMessage()
		if err != nil {
			return
		}
		rdb.Publish(r.Context(), "chat", msg)
	}
}

func broadcast(w http.ResponseWriter, r *http.Request) {
	rdb.Publish(r.Context(), "chat", r.FormValue("msg"))
}

func main() {
	http.HandleFunc("/ws", ws)
	http.HandleFunc("/broadcast", broadcast)
	http.ListenAndServe(":8080", nil)
}
