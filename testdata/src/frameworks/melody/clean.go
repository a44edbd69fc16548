package melody

import (
	"database/sql"
	"log"

	"github.com/olahol/melody"
)

// The clean twins: what a callback keeps on the session itself dies with
// the connection, and what it stores goes to the database.
func cleanSetup(db *sql.DB) {
	hub.HandleConnect(func(s *melody.Session) {
		s.Set("room", s.Request.URL.Query().Get("room")) // per connection
		log.Printf("connected %s", s.Request.RemoteAddr)
	})
	hub.HandleMessage(func(s *melody.Session, msg []byte) {
		db.Exec("INSERT INTO messages (body) VALUES ($1)", string(msg))
		s.Write(msg)
	})
}
