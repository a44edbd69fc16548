// Package log is a service's own logging package: it registers loggers
// lazily in a process-wide map, and numbers the lines it writes. Neither
// is request state, and its name is not why: the map is filled only with
// what the program derives from the key, and the count is only logged.
package log

import (
	stdlog "log"
	"sync"
)

var (
	mu      sync.Mutex
	loggers = map[string]*Logger{}
	lines   int
)

// Logger writes lines.
type Logger struct{ name string }

// Get returns the named logger, creating it on first use.
func Get(name string) *Logger {
	mu.Lock()
	defer mu.Unlock()
	l, ok := loggers[name]
	if !ok {
		l = &Logger{name: name}
		loggers[name] = l
	}
	return l
}

// Error logs an error.
func Error(msg string) {
	Get("default")
	mu.Lock()
	lines++
	stdlog.Printf("%d %s", lines, msg)
	mu.Unlock()
}
