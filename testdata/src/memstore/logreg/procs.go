package logreg

import (
	"context"
	"net/http"
	"sync"
)

// A process tracker chosen at startup hands out child contexts, as
// gitea's process manager does for its loggers. A logger made on first
// use with a child of the base context is still the same on every
// replica: silent. One made with a child of the request's context keeps
// what that request brought: reported.
type tracker interface {
	Child(parent context.Context, desc string) (context.Context, context.CancelFunc)
}

var procs tracker

type taskLogger struct {
	ctx    context.Context
	cancel context.CancelFunc
	name   string
}

type taskLogs struct {
	mu     sync.Mutex
	base   context.Context
	byName map[string]*taskLogger
}

var tasks = &taskLogs{base: context.Background(), byName: map[string]*taskLogger{}}

func (m *taskLogs) get(name string) *taskLogger {
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.byName[name]; ok {
		return l
	}
	ctx, cancel := procs.Child(m.base, "logger: "+name)
	l := &taskLogger{ctx: ctx, cancel: cancel, name: name}
	m.byName[name] = l
	return l
}

func (m *taskLogs) getFor(r *http.Request, name string) *taskLogger {
	m.mu.Lock()
	defer m.mu.Unlock()
	if l, ok := m.byName[name]; ok {
		return l
	}
	ctx, cancel := procs.Child(r.Context(), "logger: "+name)
	l := &taskLogger{ctx: ctx, cancel: cancel, name: name}
	m.byName[name] = l // want `tasks.byName is written by handler for "/tasks/request"`
	return l
}

func task(w http.ResponseWriter, r *http.Request) {
	_ = tasks.get("tasks")
}

func requestTask(w http.ResponseWriter, r *http.Request) {
	_ = tasks.getFor(r, "tasks")
}

func init() {
	http.HandleFunc("/tasks", task)
	http.HandleFunc("/tasks/request", requestTask)
}
