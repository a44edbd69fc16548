// Package jobqueue is a job queue with schedules of its own, as services
// wrap cron and tickers: DispatchCron and DispatchEvery schedule the
// function they are given; Dispatch and DispatchIn run it once.
package jobqueue

import (
	"time"

	"github.com/robfig/cron/v3"
)

type Job struct{ Run func() }

type Dispatcher struct {
	queue chan Job
	crons []*cron.Cron
}

func New() *Dispatcher {
	d := &Dispatcher{queue: make(chan Job, 64)}
	go func() {
		for j := range d.queue {
			j.Run()
		}
	}()
	return d
}

// Dispatch runs the job once, on a worker.
func (d *Dispatcher) Dispatch(run func()) { d.queue <- Job{Run: run} }

// DispatchIn runs the job once, after a delay.
func (d *Dispatcher) DispatchIn(run func(), after time.Duration) {
	go func() {
		time.Sleep(after)
		d.queue <- Job{Run: run}
	}()
}

// DispatchCron queues the job each time the cron spec is met.
func (d *Dispatcher) DispatchCron(run func(), spec string) error { // want DispatchCron:"schedules param 1 \\(cron\\)"
	c := cron.New()
	d.crons = append(d.crons, c)
	_, err := c.AddFunc(spec, func() { d.queue <- Job{Run: run} })
	c.Start()
	return err
}

// DispatchEvery queues the job at every interval.
func (d *Dispatcher) DispatchEvery(run func(), every time.Duration) { // want DispatchEvery:"schedules param 1 \\(ticker\\)"
	t := time.NewTicker(every)
	go func() {
		for range t.C {
			d.queue <- Job{Run: run}
		}
	}()
}

// Every calls f at every interval: a wrapper of a wrapper's kind.
func Every(every time.Duration, f func()) { // want Every:"schedules param 1 \\(ticker\\)"
	t := time.NewTicker(every)
	for range t.C {
		f()
	}
}

// Weekly schedules through DispatchCron.
func (d *Dispatcher) Weekly(run func()) error { // want Weekly:"schedules param 1 \\(cron\\)"
	return d.DispatchCron(run, "@weekly")
}
