// Package zerolog is a stub of github.com/rs/zerolog@v1.35.1 for statelint's tests: only the signatures the tests use.
package zerolog

import "io"

type Logger struct {
	w io.Writer
}

func New(w io.Writer) Logger { return Logger{w: w} }

func (l Logger) With() Context  { return Context{l} }
func (l *Logger) Info() *Event  { return &Event{} }
func (l *Logger) Error() *Event { return &Event{} }

type Context struct {
	l Logger
}

func (c Context) Logger() Logger              { return c.l }
func (c Context) Str(key, val string) Context { return c }
func (c Context) Timestamp() Context          { return c }

type Event struct {
	buf []byte
}

func (e *Event) Msg(msg string)                        {}
func (e *Event) Msgf(format string, v ...interface{})  {}
func (e *Event) Str(key, val string) *Event            { return e }
func (e *Event) Strs(key string, vals []string) *Event { return e }
func (e *Event) Err(err error) *Event                  { return e }
func (e *Event) Int(key string, i int) *Event          { return e }
