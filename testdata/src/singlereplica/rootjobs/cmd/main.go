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
	svc.New(mailer.NewSMTP("smtp:25")).Schedule(c) // want `cron job \(\*Reports\)\.send scheduled with \(\*cron\.Cron\)\.AddFunc \(svc/svc\.go:\d+:\d+\) runs on every replica and, through Mailer\.Send wired here as \*mailer\.SMTP, sends email` `cron job \(\*Reports\)\.ScheduleDigest\.func2 .* wired here as \*mailer\.SMTP`
	sender = mailer.NewRelay("smtp:25")
	svc.New(sender).Schedule(c) // want `\(\*Reports\)\.send .* through Mailer\.Send wired here as \*mailer\.relay, sends email` `\(\*Reports\)\.ScheduleDigest\.func2 .* wired here as \*mailer\.relay`
	digests := svc.New(mailer.NewDefault()) // want `\(\*Reports\)\.send .* wired here as \*mailer\.relay` `cron job \(\*Reports\)\.ScheduleDigest\.func2 scheduled with \(\*cron\.Cron\)\.AddFunc \(svc/svc\.go:\d+:\d+\) runs on every replica and, through Mailer\.Send wired here as \*mailer\.relay, sends email`
	digests.ScheduleDigest(c)
	c.Start()
}
