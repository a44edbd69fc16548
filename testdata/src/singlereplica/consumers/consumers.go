// Command consumers runs background loops that every replica runs on
// purpose: competing consumers that claim their rows, a notifier that
// flushes what this replica's requests queued, a push of this replica's
// own metrics. Beside each is the twin that repeats work on every
// replica.
package main

import (
	"bytes"
	"context"
	"database/sql"
	"net/http"
	"net/smtp"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

var db *sql.DB

func main() {
	ctx := context.Background()
	go claimLoop(ctx, "worker-1")
	go pollLoop(ctx)
	n := &notifier{pending: map[string]bool{}}
	go n.flushLoop(ctx)
	go n.snapshotLoop(ctx)
	go pushMetrics(ctx, prometheus.DefaultGatherer)
	(&pusher{url: "http://pushgateway:9091/metrics/job/shop"}).start()
	go pushReport(ctx)
	sub := &Subscriber{dialect: postgresDialect{}, db: db}
	if len(os.Args) > 1 {
		sub.dialect = mysqlDialect{}
	}
	go sub.consume(ctx)
	go (&Reporter{reports: postgresReports{}, db: db}).run(ctx)
	go feedLoop(newPool())
	go expireLoop(newEvictor())
	startMailDaemon()
	go remindLoop()
	startAuditLog()
	go auditLoop()
	http.ListenAndServe(":8080", nil)
}

// rebind rewrites placeholders for the dialect, as query helpers do.
func rebind(q string) string { return strings.ReplaceAll(q, "?", "$") }

// claimLoop is a competing consumer: the conditional UPDATE ... RETURNING
// gives each replica rows no other replica got, so the emails it sends
// are its share. The statement is built from fragments. Clean.
func claimLoop(ctx context.Context, worker string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			q := "UPDATE jobs SET status = 'running', worker = $1 WHERE status = 'queued'"
			q += " RETURNING id, recipient"
			rows, err := db.QueryContext(ctx, rebind(q), worker)
			if err != nil {
				continue
			}
			for rows.Next() {
				var id int
				var to string
				rows.Scan(&id, &to)
				smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{to}, []byte("your job ran"))
			}
			rows.Close()
		}
	}
}

// limit is a clause chosen at run time.
func limit(n int) string {
	if n > 0 {
		return " LIMIT 10"
	}
	return ""
}

// pollLoop reads the queued jobs without claiming them: every replica
// mails every recipient.
func pollLoop(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C { // want `ticker loop in pollLoop runs on every replica and sends email`
		rows, err := db.QueryContext(ctx, rebind("SELECT id, recipient FROM jobs WHERE status = 'queued'"+limit(10)))
		if err != nil {
			continue
		}
		for rows.Next() {
			var id int
			var to string
			rows.Scan(&id, &to)
			smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{to}, []byte("your job ran"))
			db.ExecContext(ctx, "UPDATE jobs SET status = 'done' WHERE id = $1", id)
		}
		rows.Close()
	}
}

// notifier collects the keys this replica's requests changed.
type notifier struct {
	mu      sync.Mutex
	pending map[string]bool
}

// drain empties the pending set and returns what it held.
func (n *notifier) drain() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := make([]string, 0, len(n.pending))
	for k := range n.pending {
		out = append(out, k)
	}
	clear(n.pending)
	return out
}

// snapshot returns the pending set and leaves it as it was.
func (n *notifier) snapshot() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	var out []string
	for k := range n.pending {
		out = append(out, k)
	}
	return out
}

// retry runs op until it succeeds, three times at most.
func retry(op func() error) error {
	var err error
	for range 3 {
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

// flushLoop writes what drain took out, in the body it hands to retry:
// each replica writes its own keys once. Clean.
func (n *notifier) flushLoop(ctx context.Context) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for range t.C {
		keys := n.drain()
		if len(keys) == 0 {
			continue
		}
		retry(func() error {
			_, err := db.ExecContext(ctx, "INSERT INTO changes (keys) VALUES ($1)", strings.Join(keys, ","))
			return err
		})
	}
}

// snapshotLoop writes the whole set on every tick and never empties it:
// every replica inserts it again and again.
func (n *notifier) snapshotLoop(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for range t.C { // want `ticker loop in \(\*notifier\).snapshotLoop runs on every replica and writes the SQL database`
		keys := n.snapshot()
		retry(func() error {
			_, err := db.ExecContext(ctx, "INSERT INTO changes (keys) VALUES ($1)", strings.Join(keys, ","))
			return err
		})
	}
}

// writeMetrics encodes what the gatherer holds.
func writeMetrics(buf *bytes.Buffer, g prometheus.Gatherer) error {
	mfs, err := g.Gather()
	for _, mf := range mfs {
		if mf.Name != nil {
			buf.WriteString(*mf.Name + "\n")
		}
	}
	return err
}

// pushMetrics pushes this replica's own metrics to a push gateway: each
// replica pushes its own series. Clean.
func pushMetrics(ctx context.Context, g prometheus.Gatherer) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	client := &http.Client{}
	buf := &bytes.Buffer{}
	for range t.C {
		buf.Reset()
		if err := writeMetrics(buf, g); err != nil {
			continue
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://pushgateway:9091/metrics/job/shop", buf)
		client.Do(req)
	}
}

// pusher gathers in one method and sends in another, which its ticker
// chains (echo-contrib's Prometheus push): still this replica's own
// series. Clean.
type pusher struct{ url string }

func (p *pusher) gather() []byte {
	out := &bytes.Buffer{}
	mfs, _ := prometheus.DefaultGatherer.Gather()
	for _, mf := range mfs {
		if mf.Name != nil {
			out.WriteString(*mf.Name + "\n")
		}
	}
	return out.Bytes()
}

func (p *pusher) send(metrics []byte) {
	req, err := http.NewRequest(http.MethodPost, p.url, bytes.NewBuffer(metrics))
	if err != nil {
		return
	}
	(&http.Client{}).Do(req)
}

func (p *pusher) start() {
	t := time.NewTicker(time.Minute)
	go func() {
		for range t.C {
			p.send(p.gather())
		}
	}()
}

// pushReport posts the day's totals read from the database: every
// replica posts them.
func pushReport(ctx context.Context) {
	t := time.NewTicker(24 * time.Hour)
	defer t.Stop()
	client := &http.Client{}
	for range t.C { // want `ticker loop in pushReport runs on every replica and sends to an HTTP API`
		var total int
		db.QueryRowContext(ctx, "SELECT sum(amount) FROM orders WHERE day = current_date").Scan(&total)
		buf := &bytes.Buffer{}
		buf.WriteString(strings.Repeat("x", total))
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://reports.example.com/daily", buf)
		client.Do(req)
	}
}

// Query is a statement a dialect builds, with its arguments.
type Query struct {
	Query string
	Args  []any
}

// Dialect builds the statements of a subscriber, one implementation per
// database.
type Dialect interface {
	NextBatch(topic string) Query
}

type postgresDialect struct{}

func (postgresDialect) NextBatch(topic string) Query {
	return Query{Query: "SELECT id, recipient FROM " + topic + " WHERE acked = false ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED"}
}

type mysqlDialect struct{}

func (mysqlDialect) NextBatch(topic string) Query {
	q := "SELECT id, recipient FROM " + topic + " WHERE acked = false ORDER BY id LIMIT 10"
	q += " FOR UPDATE SKIP LOCKED"
	return Query{Query: q}
}

// Subscriber polls a table of messages through its dialect.
type Subscriber struct {
	dialect Dialect
	db      *sql.DB
}

// consume locks the batch it reads through the statement the dialect
// returns: replicas share the messages out between them. Clean.
func (s *Subscriber) consume(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
		q := s.dialect.NextBatch("messages")
		s.deliver(ctx, q)
	}
}

func (s *Subscriber) deliver(ctx context.Context, q Query) {
	rows, err := s.db.QueryContext(ctx, q.Query, q.Args...)
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var to string
		rows.Scan(&id, &to)
		smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{to}, []byte("message"))
		s.db.ExecContext(ctx, "UPDATE messages SET acked = true WHERE id = $1", id)
	}
}

// Reports builds the statement of a reporter.
type Reports interface {
	Unsent() Query
}

type postgresReports struct{}

func (postgresReports) Unsent() Query {
	return Query{Query: "SELECT id, recipient FROM reports WHERE sent = false"}
}

// Reporter reads what it sends through Reports without a lock.
type Reporter struct {
	reports Reports
	db      *sql.DB
}

// run mails every unsent report on every replica.
func (r *Reporter) run(ctx context.Context) {
	for {
		select { // want `ticker loop in \(\*Reporter\).run runs on every replica and sends email`
		case <-ctx.Done():
			return
		case <-time.After(time.Hour):
		}
		q := r.reports.Unsent()
		rows, err := r.db.QueryContext(ctx, q.Query, q.Args...)
		if err != nil {
			continue
		}
		for rows.Next() {
			var id int
			var to string
			rows.Scan(&id, &to)
			smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{to}, []byte("report"))
		}
		rows.Close()
	}
}

// pool refreshes feeds in workers that receive from its queue.
type pool struct {
	queue chan string
}

func newPool() *pool {
	p := &pool{queue: make(chan string)}
	for range 4 {
		go refresh(p.queue)
	}
	return p
}

func (p *pool) push(urls []string) {
	for _, u := range urls {
		p.queue <- u
	}
}

// refresh fetches each feed it receives and stores its body.
func refresh(queue <-chan string) {
	for url := range queue {
		resp, err := http.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
		db.Exec("UPDATE feeds SET body = $1, checked = now() WHERE url = $2", resp.Status, url)
	}
}

// feedLoop hands the due feeds to the pool: the workers' writes are the
// loop's, and every replica makes them.
func feedLoop(p *pool) {
	for range time.Tick(time.Minute) { // want `ticker loop in feedLoop runs on every replica and writes the SQL database`
		rows, err := db.Query("SELECT url FROM feeds WHERE next_check < now()")
		if err != nil {
			continue
		}
		var urls []string
		for rows.Next() {
			var u string
			rows.Scan(&u)
			urls = append(urls, u)
		}
		rows.Close()
		p.push(urls)
	}
}

// evictor drops the keys it receives from this replica's cache.
type evictor struct {
	mu    sync.Mutex
	keys  chan string
	cache map[string]string
}

func newEvictor() *evictor {
	e := &evictor{keys: make(chan string), cache: map[string]string{}}
	go func() {
		for k := range e.keys {
			e.mu.Lock()
			delete(e.cache, k)
			e.mu.Unlock()
		}
	}()
	return e
}

// expireLoop hands keys to the evictor, which touches only memory. Clean.
func expireLoop(e *evictor) {
	for range time.Tick(time.Minute) {
		rows, err := db.Query("SELECT key FROM expired")
		if err != nil {
			continue
		}
		for rows.Next() {
			var k string
			rows.Scan(&k)
			e.keys <- k
		}
		rows.Close()
	}
}

// MailQueue is the package's outgoing mail, sent by the daemon.
var MailQueue chan string

// startMailDaemon sends what is queued, from a goroutine that receives
// from a copy of the package-level queue.
func startMailDaemon() {
	MailQueue = make(chan string, 64)
	queue := MailQueue
	go func() {
		for to := range queue {
			smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{to}, []byte("reminder"))
		}
	}()
}

// remindLoop queues a reminder for every due user: the daemon's mails are
// the loop's, and every replica queues them.
func remindLoop() {
	for range time.Tick(time.Minute) { // want `ticker loop in remindLoop runs on every replica and sends email`
		rows, err := db.Query("SELECT email FROM users WHERE remind_at < now()")
		if err != nil {
			continue
		}
		for rows.Next() {
			var to string
			rows.Scan(&to)
			MailQueue <- to
		}
		rows.Close()
	}
}

// AuditLog is written to this replica's log by its own goroutine.
var AuditLog chan string

func startAuditLog() {
	AuditLog = make(chan string, 64)
	go func() {
		for line := range AuditLog {
			os.Stderr.WriteString(line + "\n")
		}
	}()
}

// auditLoop hands a line to the audit goroutine, which touches only this
// replica. Clean.
func auditLoop() {
	for range time.Tick(time.Minute) {
		AuditLog <- "tick"
	}
}
