package kafkago

import (
	"context"
	"database/sql"

	"github.com/segmentio/kafka-go"
)

// The clean twins: the dedupe is a unique key in the database, and the
// totals are rows there; the loop keeps only per-message values.
func cleanConsume(ctx context.Context, r *kafka.Reader, db *sql.DB) {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return
		}
		key := string(m.Key)
		db.ExecContext(ctx, "INSERT INTO processed (key) VALUES ($1) ON CONFLICT DO NOTHING", key)
		db.ExecContext(ctx, "UPDATE totals SET n = n + 1 WHERE key = $1", key)
		r.CommitMessages(ctx, m)
	}
}
