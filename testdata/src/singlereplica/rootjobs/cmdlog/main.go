// Command cmdlog wires the logging mailer: the weekly job sends nothing
// outside. Clean.
package main

import (
	"github.com/robfig/cron/v3"

	"singlereplica/rootjobs/mailer"
	"singlereplica/rootjobs/svc"
)

func main() {
	c := cron.New()
	svc.New(mailer.NewLog()).Schedule(c)
	c.Start()
}
