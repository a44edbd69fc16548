// Package sarama is a Kafka consumer-group worker: ConsumeClaim runs for
// every partition claim of every replica, and a rebalance moves
// partitions between replicas, so what it keeps in memory is per replica.
// clean.go has the clean twin.
package sarama

import (
	"context"

	"github.com/IBM/sarama"
)

type consumer struct {
	counts map[string]int // per-key totals, kept across messages
}

func (c *consumer) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (c *consumer) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (c *consumer) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		c.counts[string(msg.Key)]++ // want `in-process counter consumer.counts is written by handler \(\*consumer\).ConsumeClaim`
		sess.MarkMessage(msg, "")
	}
	return nil
}

func run(ctx context.Context, g sarama.ConsumerGroup) error {
	return g.Consume(ctx, []string{"events"}, &consumer{counts: map[string]int{}})
}
