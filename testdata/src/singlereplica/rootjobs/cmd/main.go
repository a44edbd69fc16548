// Command cmd wires real mailers into the report service: its weekly
// job mails every user from every replica.
package main

import (
	"github.com/robfig/cron/v3"

	"singlereplica/rootjobs/mailer"
	"singlereplica/rootjobs/svc"
)

var sender mailer.Sender

func main() {
	c := cron.New()
	svc.New(mailer.NewSMTP("smtp:25")).Schedule(c) // want `cron job \(\*Reports\)\.send scheduled with \(\*cron\.Cron\)\.AddFunc \(svc/svc\.go:\d+:\d+\) runs on every replica and, through Mailer\.Send wired here as \*mailer\.SMTP, sends email`
	sender = mailer.NewRelay("smtp:25")
	svc.New(sender).Schedule(c) // want `through Mailer\.Send wired here as \*mailer\.relay, sends email`
	svc.New(mailer.NewDefault()).Schedule(c) // want `through Mailer\.Send wired here as \*mailer\.relay, sends email`
	c.Start()
}
