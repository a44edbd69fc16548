// Package gocron is a stub of github.com/go-co-op/gocron/v2@v2.21.2 for statelint's tests: only the signatures the tests use.
package gocron

import (
	"context"
	"time"
)

type task struct {
	function   any
	parameters []any
}

type Task func() task

func NewTask(function any, parameters ...any) Task {
	return func() task { return task{function: function, parameters: parameters} }
}

type JobDefinition interface{ setup() }

type durationJob struct{ d time.Duration }

func (durationJob) setup() {}

func DurationJob(duration time.Duration) JobDefinition { return durationJob{duration} }

type Job interface{ Name() string }

type JobOption func() error

type Scheduler interface {
	NewJob(JobDefinition, Task, ...JobOption) (Job, error)
	Start()
}

type SchedulerOption func() error

type Elector interface {
	IsLeader(context.Context) error
}

func WithDistributedElector(elector Elector) SchedulerOption { return nil }

func NewScheduler(options ...SchedulerOption) (Scheduler, error) { return nil, nil }
