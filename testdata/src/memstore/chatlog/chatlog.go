// Package chatlog keeps chat rooms' messages in memory. "rooms" names a
// connection registry in many hubs, but these rooms hold plain messages:
// a records table, appended to, not a cache and not a registry.
package chatlog

import (
	"net/http"
	"sync"
	"time"
)

type Message struct {
	Text string
	At   time.Time
}

type Chat struct {
	mu    sync.Mutex
	rooms map[string][]Message
}

func (c *Chat) post(w http.ResponseWriter, r *http.Request) {
	room := r.PathValue("room")
	c.mu.Lock()
	c.rooms[room] = append(c.rooms[room], Message{Text: r.FormValue("text"), At: time.Now()}) // want `in-memory records table Chat.rooms is written by handler for "POST /rooms/{room}"`
	c.mu.Unlock()
}

func main() {
	c := &Chat{rooms: map[string][]Message{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /rooms/{room}", c.post)
	http.ListenAndServe(":8080", mux)
}
