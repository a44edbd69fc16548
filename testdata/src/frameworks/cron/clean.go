package cron

import (
	"database/sql"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

var (
	mu    sync.Mutex
	cache = map[string]time.Time{}
)

func startClean(c *cron.Cron, db *sql.DB) {
	c.AddFunc("@every 1m", evict)
	c.AddFunc("@daily", func() { leaderDigests(db) })
	c.AddFunc("@every 5m", func() { db.Exec("DELETE FROM sessions WHERE expires_at < now()") })
}

// evict drops this replica's stale cache entries.
func evict() {
	mu.Lock()
	defer mu.Unlock()
	for k, at := range cache {
		if time.Since(at) > time.Hour {
			delete(cache, k)
		}
	}
}

// leaderDigests sends digests from the replica that gets the advisory lock.
func leaderDigests(db *sql.DB) {
	var leader bool
	if db.QueryRow("SELECT pg_try_advisory_lock(7)").Scan(&leader); !leader {
		return
	}
	sendDigests(db)
}
