// Package melody is an olahol/melody chat service that keeps state in
// process memory: melody's own hub of connections, and what its callbacks,
// which run once per connection or message, keep. clean.go has the clean
// twins.
package melody

import (
	"net/http"

	"github.com/olahol/melody"
)

// (1) The hub: melody keeps every connection it accepts, and a broadcast
// reaches only the clients of this replica.
var hub = melody.New() // want `in-process connection registry melody.New is written by every connection it accepts`

// (2) A room registry filled when a client connects.
var rooms = map[string][]*melody.Session{}

// (3) The chat history, appended on every message.
var history []string

func setup() {
	http.HandleFunc("/ws", func(w http.ResponseWriter, r *http.Request) {
		hub.HandleRequest(w, r)
	})
	hub.HandleConnect(func(s *melody.Session) {
		room := s.Request.URL.Query().Get("room")
		rooms[room] = append(rooms[room], s) // want `in-process connection registry rooms is written by handler setup.func2`
	})
	hub.HandleMessage(func(s *melody.Session, msg []byte) {
		history = append(history, string(msg)) // want `history is written by handler setup.func3`
		hub.Broadcast(msg)
	})
}
