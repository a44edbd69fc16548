// Package cron schedules jobs with the real github.com/robfig/cron/v3:
// stateful.go holds jobs every replica repeats, clean.go jobs that touch
// this replica only or that elect one replica first.
package cron

import (
	"database/sql"
	"net/smtp"

	"github.com/robfig/cron/v3"
)

// Start schedules the jobs at startup.
func Start(db *sql.DB) *cron.Cron {
	c := cron.New()
	c.AddFunc("0 7 * * *", func() { sendDigests(db) }) // want `cron job Start.func1 scheduled with \(\*cron.Cron\).AddFunc runs on every replica and sends email`
	c.AddJob("@hourly", invoiceJob{db: db}) // want `cron job invoiceJob.Run scheduled with \(\*cron.Cron\).AddJob runs on every replica and writes the SQL database`
	startClean(c, db)
	c.Start()
	return c
}

func sendDigests(db *sql.DB) {
	rows, err := db.Query("SELECT email FROM users WHERE wants_digest")
	if err != nil {
		return
	}
	defer rows.Close()
	for rows.Next() {
		var to string
		if rows.Scan(&to) == nil {
			smtp.SendMail("smtp.internal:25", nil, "digest@example.com", []string{to}, []byte("Your daily digest"))
		}
	}
}

type invoiceJob struct{ db *sql.DB }

func (j invoiceJob) Run() {
	j.db.Exec("INSERT INTO invoices (customer, amount) SELECT id, plan_price FROM customers WHERE due")
}
