// Package cron is a stub of github.com/robfig/cron/v3@v3.0.1 for statelint's tests: only the signatures the tests use.
package cron

import "context"

type Job interface{ Run() }

type EntryID int

type Option func(*Cron)

type Cron struct{ jobs []Job }

func New(opts ...Option) *Cron { return &Cron{} }

type FuncJob func()

func (f FuncJob) Run() { f() }

func (c *Cron) AddFunc(spec string, cmd func()) (EntryID, error) { return c.AddJob(spec, FuncJob(cmd)) }

func (c *Cron) AddJob(spec string, cmd Job) (EntryID, error) {
	c.jobs = append(c.jobs, cmd)
	return EntryID(len(c.jobs)), nil
}

func (c *Cron) Start() {}

func (c *Cron) Stop() context.Context { return context.Background() }
