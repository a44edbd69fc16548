// Package nats is a NATS worker whose message callbacks run once per
// message on every replica of a horizontally scaled consumer: what they
// keep in memory is per replica, as a handler's is. clean.go has the
// clean twins.
package nats

import "github.com/nats-io/nats.go"

// (1) An in-memory dedupe set: a redelivery to another replica is
// processed twice.
var seen = map[string]bool{}

// (2) A count of processed orders.
var processed int

func subscribe(nc *nats.Conn) {
	nc.QueueSubscribe("orders", "workers", func(m *nats.Msg) {
		id := m.Header.Get("Nats-Msg-Id")
		if seen[id] {
			return
		}
		seen[id] = true // want `seen is written by handler subscribe.func1`
		processed++     // want `in-process counter processed is written by handler subscribe.func1`
		m.Ack()
	})
}
