// Command jobs schedules work at startup: jobs with effects outside the
// process, which every replica repeats, and jobs that touch this replica
// only.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/smtp"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/robfig/cron/v3"

	"singlereplica/jobstore"
)

var (
	db  *sql.DB
	rdb = redis.NewClient(&redis.Options{})
)

func main() {
	c := cron.New()
	c.AddFunc("@daily", sendDigests)                                  // want `cron job sendDigests scheduled with \(\*cron.Cron\).AddFunc runs on every replica and sends email: every replica runs the job, so with N replicas its emails, rows and requests happen N times; run it once through a Kubernetes CronJob or a job queue, or elect a leader \(a Kubernetes Lease, a database advisory lock, a Redis lock with expiry\), and make the job idempotent`
	c.AddFunc("@weekly", func() { jobstore.Archive(db) })             // want `cron job main.func1 scheduled with \(\*cron.Cron\).AddFunc runs on every replica and writes the SQL database`
	c.AddJob("@hourly", webhookJob{url: "https://hooks.example.com"}) // want `cron job webhookJob.Run scheduled with \(\*cron.Cron\).AddJob runs on every replica and sends to an HTTP API`
	c.AddFunc("@every 1m", func() { jobstore.Purge(db) })             // idempotent: clean
	c.AddFunc("@every 5m", localCache.evict)                          // this replica only: clean
	c.AddFunc("@daily", lockedDigests)                                // one replica takes the advisory lock: clean
	c.AddFunc("@every 1m", expire)                                    // a conditional UPDATE, repeated, changes nothing more: clean
	c.AddFunc("@every 1m", drainOutbox)                               // each replica claims its rows: clean
	c.Start()

	go emailLoop()
	go evictLoop()
	go configLoop()
	go healthLoop()
	go remindLoop(context.Background())
	go batchLoop(make(chan string))
	go sleepLoop()
	go afterLoop(context.Background())
	go connect()
	go delayed()
	go flushLoop()
	go flushPending()
	go grantLoop()
	go digestAndReset()
	go testLoop()
	go evictInBackground()
	addDelta(1, 1)
	http.ListenAndServe(":8080", nil)
}

func sendDigests() {
	rows, _ := db.Query("SELECT email FROM users WHERE digest")
	for rows.Next() {
		var to string
		rows.Scan(&to)
		jobstore.SendDigest(to)
	}
}

func lockedDigests() {
	var got bool
	db.QueryRow("SELECT pg_try_advisory_lock(42)").Scan(&got)
	if !got {
		return
	}
	sendDigests()
}

func expire() {
	db.Exec("UPDATE subscriptions SET status = 'expired' WHERE expires_at < now()")
}

// drainOutbox claims rows with SKIP LOCKED, so no two replicas send the
// same message.
func drainOutbox() {
	tx, _ := db.Begin()
	var id int
	var to string
	tx.QueryRow("SELECT id, recipient FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED").Scan(&id, &to)
	smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{to}, []byte("hello"))
	tx.Exec("UPDATE outbox SET sent_at = now() WHERE id = $1", id)
	tx.Commit()
}

type webhookJob struct{ url string }

func (j webhookJob) Run() {
	b, _ := json.Marshal(map[string]string{"event": "tick"})
	http.Post(j.url, "application/json", bytes.NewReader(b))
}

// emailLoop sends reminders on a ticker: every replica sends them.
func emailLoop() {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for range t.C { // want `ticker loop in emailLoop runs on every replica and sends email`
		smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{"ops@example.com"}, []byte("reminder"))
	}
}

type cache struct {
	mu      sync.Mutex
	entries map[string]time.Time
}

var localCache = &cache{entries: map[string]time.Time{}}

func (c *cache) evict() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, at := range c.entries {
		if time.Since(at) > time.Hour {
			delete(c.entries, k)
		}
	}
}

// evictLoop evicts this replica's cache: clean.
func evictLoop() {
	for range time.Tick(time.Minute) {
		localCache.evict()
	}
}

var (
	cfgMu sync.RWMutex
	cfg   map[string]string
)

// configLoop refreshes configuration into memory: clean.
func configLoop() {
	t := time.NewTicker(30 * time.Second)
	for {
		select {
		case <-t.C:
			resp, err := http.Get("http://config.internal/v1/flags")
			if err != nil {
				continue
			}
			var m map[string]string
			json.NewDecoder(resp.Body).Decode(&m)
			resp.Body.Close()
			cfgMu.Lock()
			cfg = m
			cfgMu.Unlock()
		}
	}
}

// healthLoop pings a dependency with a GET built by NewRequest: clean.
func healthLoop() {
	for range time.Tick(10 * time.Second) {
		req, _ := http.NewRequest(http.MethodGet, "http://billing.internal/healthz", nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		db.Ping()
	}
}

// remindLoop waits in a select and works after it: every replica sends.
func remindLoop(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	for {
		select { // want `ticker loop in remindLoop runs on every replica and writes Redis`
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rdb.LPush(ctx, "reminders", "due")
	}
}

// batchLoop writes what this replica's requests queued, in batches on a
// ticker: the rows are this replica's own, not repeated work. Clean.
func batchLoop(events chan string) {
	t := time.NewTicker(time.Second)
	var batch []string
	for {
		select {
		case e := <-events:
			batch = append(batch, e)
		case <-t.C:
			db.Exec("INSERT INTO events(name) SELECT unnest($1::text[])", batch)
			batch = nil
		}
	}
}

// sleepLoop sends reminders between sleeps: every replica sends them.
func sleepLoop() {
	for {
		http.Post("https://hooks.example.com/remind", "text/plain", nil)
		time.Sleep(time.Hour) // want `sleep loop in sleepLoop runs on every replica and sends to an HTTP API`
	}
}

// afterLoop waits on time.After in a select: every replica inserts.
func afterLoop(ctx context.Context) {
	for {
		select { // want `ticker loop in afterLoop runs on every replica and writes the SQL database`
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
			db.Exec("INSERT INTO ticks DEFAULT VALUES")
		}
	}
}

// connect retries a registration until it succeeds: a retry, not a
// schedule. Clean.
func connect() {
	for i := 0; i < 5; i++ {
		if _, err := http.Post("https://registry.example.com/register", "text/plain", nil); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// enqueueReport inserts this hour's report job; the other replicas' inserts
// fail on the unique index, which it expects.
func enqueueReport() {
	_, err := db.Exec("INSERT INTO jobs(kind, slot) VALUES ('report', date_trunc('hour', now()))")
	var pgErr interface{ SQLState() string }
	if errors.As(err, &pgErr) && pgErr.SQLState() == "23505" {
		return // another replica enqueued it
	}
}

func notify() {
	db.Exec(fmt.Sprintf("SELECT pg_notify('%s', 'tick')", "jobs"))
}

// delayed waits once, then records this replica's start: a delay, not a schedule,
// and its INSERT is one row per replica by design. Clean.
func delayed() {
	<-time.After(time.Minute)
	db.Exec("INSERT INTO starts DEFAULT VALUES")
}

// Quota deltas that this replica's requests add up in memory.
var (
	deltaMu sync.Mutex
	deltas  = map[int]int64{}
	pending []string
	quotas  = map[int]int64{} // read by the jobs, never emptied
)

func addDelta(user int, n int64) {
	deltaMu.Lock()
	defer deltaMu.Unlock()
	deltas[user] += n
}

// flushLoop swaps the deltas for a fresh map and adds each to its row:
// every replica writes what its own requests buffered, once. Clean.
func flushLoop() {
	for {
		time.Sleep(10 * time.Second)
		flushDeltas()
	}
}

func flushDeltas() {
	deltaMu.Lock()
	batch := deltas
	deltas = map[int]int64{}
	deltaMu.Unlock()
	for user, n := range batch {
		addQuota(user, n)
	}
}

func addQuota(user int, n int64) {
	db.Exec("UPDATE users SET quota = quota + $1 WHERE id = $2", n, user)
}

// flushPending truncates the slice it writes: clean.
func flushPending() {
	for range time.Tick(time.Second) {
		for _, e := range pending {
			db.Exec("INSERT INTO events(name) VALUES ($1)", e)
		}
		pending = pending[:0]
	}
}

// grantLoop adds quotas it keeps in memory without draining them: every
// replica adds them again.
func grantLoop() {
	for {
		time.Sleep(time.Hour) // want `sleep loop in grantLoop runs on every replica and writes the SQL database`
		for user, n := range quotas {
			addQuota(user, n)
		}
	}
}

// digestAndReset clears a cache it does not send from: the emails are
// still every replica's.
func digestAndReset() {
	for range time.Tick(24 * time.Hour) { // want `ticker loop in digestAndReset runs on every replica and sends email`
		clear(quotas)
		smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{"ops@example.com"}, []byte("digest"))
	}
}

// testLoop tests every channel in the background of each run: what the
// goroutine sends, every replica sends.
func testLoop() {
	for {
		time.Sleep(time.Hour) // want `sleep loop in testLoop runs on every replica and sends email`
		testAll()
	}
}

func testAll() {
	go func() {
		smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{"ops@example.com"}, []byte("channel disabled"))
	}()
}

// evictInBackground evicts this replica's cache on a goroutine: clean.
func evictInBackground() {
	for {
		time.Sleep(time.Minute)
		go localCache.evict()
	}
}

// backoff is a closure that calls itself from its own ticker loop; it
// does nothing but wait, so it is clean, and its capture of its own
// variable must not send the search for a wrapped job round in circles.
func backoff() {
	var again func()
	again = func() {
		t := time.NewTicker(time.Minute)
		for range t.C {
			again()
		}
	}
	again()
}
