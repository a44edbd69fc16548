// Package svc schedules a weekly report it sends through a Mailer that
// the program wires in; svc cannot see which.
package svc

import "github.com/robfig/cron/v3"

// Mailer sends mail.
type Mailer interface {
	Send(to, body string) error
}

// Reports mails every user a weekly report.
type Reports struct {
	mailer Mailer
	users  []string
}

// New keeps the mailer.
func New(m Mailer) *Reports { return &Reports{mailer: m, users: []string{"a@example.com"}} }

// Schedule registers the weekly job.
func (r *Reports) Schedule(c *cron.Cron) {
	c.AddFunc("@weekly", r.send)
}

// ScheduleDigest registers a daily digest that mails each user through a
// helper literal the job calls.
func (r *Reports) ScheduleDigest(c *cron.Cron) {
	mail := func(u string) { r.mailer.Send(u, "your day") }
	c.AddFunc("@daily", func() {
		for _, u := range r.users {
			mail(u)
		}
	})
}

func (r *Reports) send() {
	for _, u := range r.users {
		r.mailer.Send(u, "your week")
	}
}
