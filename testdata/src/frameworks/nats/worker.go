package nats

import (
	"database/sql"
	"time"

	"github.com/nats-io/nats.go"
)

// (3) A worker that pulls its messages itself: the rest of the loop after
// NextMsg handles one message, on whichever replica pulled it.
var lastOrder string

func pull(nc *nats.Conn) {
	sub, err := nc.QueueSubscribeSync("orders.pull", "workers")
	if err != nil {
		return
	}
	for {
		m, err := sub.NextMsg(time.Second)
		if err != nil {
			continue
		}
		lastOrder = string(m.Data) // want `lastOrder is written by consumer loop in pull`
		m.Ack()
	}
}

// The clean twin: the order is a row in the database.
func cleanPull(nc *nats.Conn, db *sql.DB) {
	sub, _ := nc.QueueSubscribeSync("orders.pull.clean", "workers")
	for {
		m, err := sub.NextMsg(time.Second)
		if err != nil {
			continue
		}
		db.Exec("INSERT INTO orders (body) VALUES ($1)", string(m.Data))
		m.Ack()
	}
}
