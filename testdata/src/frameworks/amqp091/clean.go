package amqp091

import (
	"database/sql"

	amqp "github.com/rabbitmq/amqp091-go"
)

// queues is the list of queues to consume, set once before the loop.
var queues []string

// The clean twin: the dedupe is a unique key in the database.
func cleanWork(conn *amqp.Connection, db *sql.DB) error {
	queues = append(queues, "jobs")
	ch, err := conn.Channel()
	if err != nil {
		return err
	}
	msgs, err := ch.Consume("jobs", "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		db.Exec("INSERT INTO processed (id) VALUES ($1) ON CONFLICT DO NOTHING", d.MessageId)
		d.Ack(false)
	}
	return nil
}
