package logreg

import (
	"context"
	"net/http"
	"sync"
)

// tagged makes loggers from a prefix that a request sets: a logger made
// after /prefix on one replica carries the new prefix, on another the old
// one. The table caches what a request changed, and is reported.
type tagged struct {
	mu      sync.Mutex
	ctx     context.Context
	prefix  string
	loggers map[string]*Logger
}

var taggedLoggers = &tagged{ctx: context.Background(), loggers: map[string]*Logger{}}

func (m *tagged) get(name string) *Logger {
	m.mu.Lock()
	defer m.mu.Unlock()
	l := m.loggers[name]
	if l == nil {
		l = newLogger(m.ctx, m.prefix+name)
		m.loggers[name] = l // want `in-process cache taggedLoggers.loggers is written by handler for "/tagged"`
	}
	return l
}

func setPrefix(w http.ResponseWriter, r *http.Request) {
	taggedLoggers.mu.Lock()
	taggedLoggers.prefix = r.FormValue("prefix")
	taggedLoggers.mu.Unlock()
}

func handleTagged(w http.ResponseWriter, r *http.Request) {
	taggedLoggers.get("web").Info("%s", r.URL.Path)
}

func init() {
	http.HandleFunc("/prefix", setPrefix)
	http.HandleFunc("/tagged", handleTagged)
}
