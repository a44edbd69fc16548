// Package replicas exercises //statelint:ignore on singlereplica's
// findings: a used directive is not reported as silencing nothing.
package replicas

import (
	"database/sql"
	"net/smtp"

	"github.com/robfig/cron/v3"
)

var db *sql.DB

func Start() {
	c := cron.New()
	c.AddFunc("@daily", digest) //statelint:ignore runs in a StatefulSet of one replica
	//statelint:ignore the archive is idempotent: rows are copied by primary key
	c.AddFunc("@weekly", archive)
	c.AddFunc("@hourly", remind) // want `cron job remind scheduled with \(\*cron.Cron\).AddFunc runs on every replica and sends email`
	c.Start()
}

func digest() { smtp.SendMail("smtp:25", nil, "a@example.com", []string{"b@example.com"}, nil) }

func archive() { db.Exec("INSERT INTO archive SELECT * FROM orders") }

func remind() { smtp.SendMail("smtp:25", nil, "a@example.com", []string{"c@example.com"}, nil) }
