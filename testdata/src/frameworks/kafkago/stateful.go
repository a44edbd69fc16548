// Package kafkago is a segmentio/kafka-go worker that reads its messages
// in a loop: the rest of the loop runs once per message on every replica
// of the consumer group, and a rebalance moves partitions between
// replicas, so what it keeps in memory is per replica. clean.go has the
// clean twins.
package kafkago

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// (1) An in-memory dedupe set: after a rebalance another replica
// processes the same keys again.
var seen = map[string]bool{}

// readers is written once, before the loop: setup, not a finding.
var readers int

func consume(ctx context.Context, r *kafka.Reader) {
	readers++
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return
		}
		if seen[string(m.Key)] {
			continue
		}
		seen[string(m.Key)] = true // want `seen is written by consumer loop in consume`
	}
}

// (2) Totals per key in a map that the worker's goroutine captures.
func run(ctx context.Context) {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{"kafka:9092"}, GroupID: "totals", Topic: "events"})
	totals := map[string]int{}
	go func() {
		for {
			m, err := r.FetchMessage(ctx)
			if err != nil {
				return
			}
			totals[string(m.Key)]++ // want `totals is written by consumer loop in run.func1`
			r.CommitMessages(ctx, m)
		}
	}()
}
