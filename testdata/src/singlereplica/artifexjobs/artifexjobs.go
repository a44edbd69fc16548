// Package artifexjobs schedules a service's jobs with artifex, as a
// services package wired by its main does: weekly reports and expiry
// notices are sent by every replica; counting into memory is this
// replica's own.
package artifexjobs

import (
	"database/sql"
	"net/smtp"
	"sync"
	"time"

	"github.com/muety/artifex/v2"
)

type Service struct {
	db      *sql.DB
	queue   *artifex.Dispatcher
	workers *artifex.Dispatcher
	mu      sync.Mutex
	total   int
}

func New(db *sql.DB) *Service {
	return &Service{db: db, queue: artifex.NewDispatcher(1, 64), workers: artifex.NewDispatcher(4, 4096)}
}

// Schedule registers the jobs.
func (s *Service) Schedule() {
	s.queue.DispatchCron(func() { // want `cron job \(\*Service\).Schedule.func1 scheduled with \(\*artifex.Dispatcher\).DispatchCron runs on every replica and sends email`
		rows, _ := s.db.Query("SELECT email FROM users WHERE reports")
		for rows.Next() {
			var to string
			rows.Scan(&to)
			s.workers.Dispatch(func() { s.sendReport(to) })
		}
	}, "0 0 18 * * 5")
	s.queue.DispatchEvery(s.countTotal, time.Hour)        // memory only: clean
	s.queue.DispatchEvery(s.notifyExpiring, 12*time.Hour) // want `ticker job \(\*Service\).notifyExpiring scheduled with \(\*artifex.Dispatcher\).DispatchEvery runs on every replica and sends email`
	s.queue.DispatchIn(s.notifyExpiring, time.Minute)     // once: not a schedule
}

func (s *Service) sendReport(to string) {
	smtp.SendMail("smtp.example.com:25", nil, "reports@example.com", []string{to}, []byte("your week"))
}

func (s *Service) countTotal() {
	var n int
	s.db.QueryRow("SELECT count(*) FROM heartbeats").Scan(&n)
	s.mu.Lock()
	s.total = n
	s.mu.Unlock()
}

func (s *Service) notifyExpiring() {
	rows, _ := s.db.Query("SELECT email FROM users WHERE subscribed_until < now() + interval '7 days'")
	for rows.Next() {
		var to string
		rows.Scan(&to)
		smtp.SendMail("smtp.example.com:25", nil, "billing@example.com", []string{to}, []byte("renew"))
	}
}

// WaitForExport polls for one user's export every ten seconds and stops
// its own ticker once the export is ready: a task that ends, run by the
// replica that got the request. Clean.
func (s *Service) WaitForExport(user string) {
	var poll *artifex.DispatchTicker
	done := func() {
		poll.Stop()
		smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{user}, []byte("your export is ready"))
	}
	poll, _ = s.queue.DispatchEvery(func() {
		var ready bool
		s.db.QueryRow("SELECT ready FROM exports WHERE owner = $1", user).Scan(&ready)
		if ready {
			done()
		}
	}, 10*time.Second)
}

// RemindForever keeps the handle and never stops it: every replica mails
// the reminder.
func (s *Service) RemindForever(user string) {
	var poll *artifex.DispatchTicker
	poll, _ = s.queue.DispatchEvery(func() { // want `ticker job \(\*Service\).RemindForever.func1 scheduled with \(\*artifex.Dispatcher\).DispatchEvery runs on every replica and sends email`
		smtp.SendMail("smtp:25", nil, "noreply@example.com", []string{user}, []byte("reminder"))
	}, time.Hour)
	_ = poll
}
