// Package byvalue registers handler values built at startup, one by value
// and one by pointer, whose fields point at state every request shares:
// the receiver of ServeHTTP is the value main built, so what it reaches
// through its fields outlives every request.
package byvalue

import (
	"net/http"
	"sync"

	"github.com/gorilla/websocket"
)

type hub struct {
	mu      sync.Mutex
	clients map[*websocket.Conn]bool
}

var upgrader websocket.Upgrader

type store struct {
	mu    sync.Mutex
	items map[string]string
}

// wsHandler is registered by value: its copy still points at the hub.
type wsHandler struct{ hub *hub }

func (h wsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, _ := upgrader.Upgrade(w, r, nil)
	h.hub.mu.Lock()
	h.hub.clients[conn] = true // want `in-process connection registry wsHandler.hub.clients is written by handler for "/ws"`
	h.hub.mu.Unlock()
}

type apiHandler struct{ store *store }

func (h *apiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.store.mu.Lock()
	h.store.items[r.FormValue("id")] = r.FormValue("v") // want `in-memory records table apiHandler.store.items is written by handler for "/api"`
	h.store.mu.Unlock()
}

func main() {
	hb := &hub{clients: map[*websocket.Conn]bool{}}
	s := &store{items: map[string]string{}}
	http.Handle("/ws", wsHandler{hub: hb})
	http.Handle("/api", &apiHandler{store: s})
	http.ListenAndServe(":8080", nil)
}
