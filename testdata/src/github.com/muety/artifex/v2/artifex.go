// Package artifex stubs github.com/muety/artifex/v2, a job queue with
// cron and ticker schedules: only the signatures statelint's tests use.
package artifex

import "time"

type Dispatcher struct{}

type DispatchTicker struct{}

type DispatchCron struct{}

func NewDispatcher(maxWorkers int, maxQueue int) *Dispatcher { return &Dispatcher{} }

func (d *Dispatcher) Start() {}

func (d *Dispatcher) Dispatch(run func()) error { return nil }

func (d *Dispatcher) DispatchIn(run func(), duration time.Duration) error { return nil }

func (d *Dispatcher) DispatchEvery(run func(), interval time.Duration) (*DispatchTicker, error) {
	return &DispatchTicker{}, nil
}

func (d *Dispatcher) DispatchCron(run func(), cronStr string) (*DispatchCron, error) {
	return &DispatchCron{}, nil
}

func (dt *DispatchTicker) Stop() {}

func (c *DispatchCron) Stop() {}
