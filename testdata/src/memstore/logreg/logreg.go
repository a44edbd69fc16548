// Package logreg keeps its loggers by name, made on first use from the
// manager's context and the name: every replica makes the same logger
// for the same name, so the table is a memo. Silent.
package logreg

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"
)

// Logger writes events to its writers.
type Logger struct {
	ctx     context.Context
	cancel  context.CancelFunc
	name    string
	writers map[string]io.Writer
}

func newLogger(ctx context.Context, name string) *Logger {
	l := &Logger{name: name, writers: map[string]io.Writer{}}
	l.ctx, l.cancel = context.WithCancel(ctx)
	return l
}

// Info logs a line.
func (l *Logger) Info(format string, args ...any) {
	for _, w := range l.writers {
		fmt.Fprintf(w, format, args...)
	}
}

type manager struct {
	mu      sync.Mutex
	ctx     context.Context
	loggers map[string]*Logger
}

var loggers = &manager{ctx: context.Background(), loggers: map[string]*Logger{}}

func (m *manager) get(name string) *Logger {
	m.mu.Lock()
	defer m.mu.Unlock()
	l := m.loggers[name]
	if l == nil {
		l = newLogger(m.ctx, name)
		l.writers["stderr"] = os.Stderr
		m.loggers[name] = l
	}
	return l
}

func handle(w http.ResponseWriter, r *http.Request) {
	loggers.get("web").Info("%s %s", r.Method, r.URL.Path)
}

func init() {
	http.HandleFunc("/", handle)
}
