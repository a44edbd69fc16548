package nats

import (
	"database/sql"

	"github.com/nats-io/nats.go"
)

// The clean twin: the dedupe is a unique key in the database, and the
// callback keeps nothing of its own.
func cleanSubscribe(nc *nats.Conn, db *sql.DB) {
	nc.Subscribe("orders.clean", func(m *nats.Msg) {
		id := m.Header.Get("Nats-Msg-Id")
		db.Exec("INSERT INTO processed (id) VALUES ($1) ON CONFLICT DO NOTHING", id)
		m.Respond(m.Data)
	})
}
