// Package logrus is a stub of github.com/sirupsen/logrus@v1.10.2 for statelint's tests: only the signatures the tests use.
package logrus

type Fields map[string]any

type Logger struct {
	level uint32
}

type Entry struct {
	Logger *Logger
	Data   Fields
}

func New() *Logger { return &Logger{} }

func (logger *Logger) WithField(key string, value any) *Entry {
	return &Entry{Logger: logger, Data: Fields{key: value}}
}
func (logger *Logger) Infof(format string, args ...any) {}
func (logger *Logger) Info(args ...any)                 {}
func (logger *Logger) Error(args ...any)                {}

func (entry *Entry) Info(args ...any) {}

func WithField(key string, value any) *Entry { return &Entry{Data: Fields{key: value}} }
func Info(args ...any)                       {}
func Infof(format string, args ...any)       {}
