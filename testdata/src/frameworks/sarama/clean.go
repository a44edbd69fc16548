package sarama

import (
	"context"
	"database/sql"

	"github.com/IBM/sarama"
)

// cleanConsumer keeps its totals in the database.
type cleanConsumer struct {
	db *sql.DB
}

func (c *cleanConsumer) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (c *cleanConsumer) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (c *cleanConsumer) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		c.db.ExecContext(sess.Context(), "UPDATE totals SET n = n + 1 WHERE key = $1", string(msg.Key))
		sess.MarkMessage(msg, "")
	}
	return nil
}

func runClean(ctx context.Context, g sarama.ConsumerGroup, db *sql.DB) error {
	return g.Consume(ctx, []string{"events"}, &cleanConsumer{db: db})
}
