// Package socketio is a googollee/go-socket.io chat server whose event
// callbacks keep state in process memory. clean.go has the clean twins.
package socketio

import (
	"net/http"

	socketio "github.com/googollee/go-socket.io"
)

// (1) Rooms of live connections: a broadcast reaches only this replica's.
var rooms = map[string][]socketio.Conn{}

// (2) The chat history.
var history []string

func setup() {
	server := socketio.NewServer(nil)
	server.OnConnect("/", func(s socketio.Conn) error {
		s.SetContext("")
		return nil
	})
	server.OnEvent("/", "join", func(s socketio.Conn, room string) {
		rooms[room] = append(rooms[room], s) // want `in-process connection registry rooms is written by handler setup.func2`
	})
	server.OnEvent("/chat", "msg", func(s socketio.Conn, msg string) string {
		history = append(history, msg) // want `history is written by handler setup.func3`
		return "recv " + msg
	})
	go server.Serve()
	http.Handle("/socket.io/", server)
}
