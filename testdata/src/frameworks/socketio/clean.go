package socketio

import (
	"database/sql"

	socketio "github.com/googollee/go-socket.io"
)

// The clean twins: the room is kept on the connection itself, which dies
// with it, and the history is rows in the database.
func cleanSetup(server *socketio.Server, db *sql.DB) {
	server.OnEvent("/", "join", func(s socketio.Conn, room string) {
		s.Join(room)
		s.SetContext(room)
	})
	server.OnEvent("/chat", "msg", func(s socketio.Conn, msg string) {
		db.Exec("INSERT INTO messages (body) VALUES ($1)", msg)
	})
	server.OnDisconnect("/", func(s socketio.Conn, reason string) {
		s.Close()
	})
}
