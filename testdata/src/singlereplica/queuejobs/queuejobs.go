// Command queuejobs schedules its jobs through a job queue's wrappers of
// cron and tickers: the wrappers' arguments are scheduled work.
package main

import (
	"database/sql"
	"net/smtp"
	"sync"
	"time"

	"singlereplica/jobqueue"
)

var db *sql.DB

type reports struct {
	q     *jobqueue.Dispatcher
	mu    sync.Mutex
	stats map[string]int
}

func main() {
	r := &reports{q: jobqueue.New(), stats: map[string]int{}}
	r.q.DispatchCron(r.sendWeekly, "0 0 8 * * 1") // want `cron job \(\*reports\).sendWeekly scheduled with \(\*jobqueue.Dispatcher\).DispatchCron runs on every replica and sends email`
	r.q.DispatchEvery(r.warm, 12*time.Hour)       // this replica's memory only: clean
	r.q.DispatchEvery(r.count, time.Hour)         // want `ticker job \(\*reports\).count scheduled with \(\*jobqueue.Dispatcher\).DispatchEvery runs on every replica and writes the SQL database`
	r.q.Weekly(r.vacuum)                          // repeated, it changes nothing more: clean
	r.q.Dispatch(r.sendWeekly)                    // once, on a worker: not a schedule
	r.q.DispatchIn(r.sendWeekly, time.Minute)     // once, after a delay: not a schedule
	go jobqueue.Every(time.Minute, r.warm)        // clean
	r.q.DispatchCron(r.fanOut, "@weekly")         // want `cron job \(\*reports\).fanOut scheduled with \(\*jobqueue.Dispatcher\).DispatchCron runs on every replica and sends email`
	r.q.DispatchCron(r.fanOutWarm, "@hourly")     // its workers only touch memory: clean
	go every(time.Hour, r.sendWeekly)             // want `ticker job \(\*reports\).sendWeekly scheduled with main.every runs on every replica and sends email`
	select {}
}

// every is the package's own wrapper of a ticker.
func every(d time.Duration, f func()) { // want every:"schedules param 1 \\(ticker\\)"
	for range time.Tick(d) {
		f()
	}
}

func (r *reports) sendWeekly() {
	rows, _ := db.Query("SELECT email FROM users WHERE weekly_report")
	for rows.Next() {
		var to string
		rows.Scan(&to)
		smtp.SendMail("smtp.example.com:25", nil, "reports@example.com", []string{to}, []byte("your week"))
	}
}

// fanOut hands one report per user to the queue's workers: what they
// send is the job's doing.
func (r *reports) fanOut() {
	rows, _ := db.Query("SELECT email FROM users WHERE weekly_report")
	for rows.Next() {
		var to string
		rows.Scan(&to)
		r.q.Dispatch(func() {
			smtp.SendMail("smtp.example.com:25", nil, "reports@example.com", []string{to}, []byte("your week"))
		})
	}
}

func (r *reports) fanOutWarm() {
	for i := 0; i < 4; i++ {
		r.q.Dispatch(r.warm)
	}
}

func (r *reports) warm() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stats = map[string]int{}
}

func (r *reports) count() {
	var n int
	db.QueryRow("SELECT count(*) FROM heartbeats").Scan(&n)
	db.Exec("INSERT INTO totals (n, at) VALUES ($1, now())", n)
}

func (r *reports) vacuum() {
	db.Exec("DELETE FROM heartbeats WHERE at < now() - interval '1 year'")
}
