// Package amqp091 is a rabbitmq/amqp091-go worker: the body of the loop
// over its deliveries runs once per message on every replica consuming
// the queue, so what it keeps in memory is per replica. clean.go has the
// clean twins.
package amqp091

import (
	"context"

	amqp "github.com/rabbitmq/amqp091-go"
)

// (1) An in-memory dedupe set: a redelivery to another replica is
// processed twice.
var processed = map[string]bool{}

// (2) The ID of the last message handled, for a status page.
var lastID string

func work(ch *amqp.Channel) error {
	msgs, err := ch.Consume("jobs", "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		if processed[d.MessageId] {
			d.Ack(false)
			continue
		}
		processed[d.MessageId] = true // want `processed is written by consumer loop in work`
		d.Ack(false)
	}
	return nil
}

func workSelect(ctx context.Context, msgs <-chan amqp.Delivery) {
	for {
		select {
		case <-ctx.Done():
			return
		case d := <-msgs:
			lastID = d.MessageId // want `lastID is written by consumer loop in workSelect`
			d.Ack(false)
		}
	}
}
