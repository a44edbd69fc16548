// Package zap is a stub of go.uber.org/zap@v1.28.0 for statelint's tests: only the signatures the tests use.
package zap

import "go.uber.org/zap/zapcore"

type Field = zapcore.Field

type Option interface {
	apply(*Logger)
}

type Logger struct {
	name string
}

func NewNop() *Logger                                  { return &Logger{} }
func NewProduction(options ...Option) (*Logger, error) { return &Logger{}, nil }
func (log *Logger) With(fields ...Field) *Logger       { return log }
func (log *Logger) Info(msg string, fields ...Field)   {}
func (log *Logger) Error(msg string, fields ...Field)  {}
func (log *Logger) Sync() error                        { return nil }

func String(key string, val string) Field { return Field{Key: key, String: val} }
func Int(key string, val int) Field       { return Field{Key: key, Integer: int64(val)} }
func Error(err error) Field               { return Field{Key: "error", Interface: err} }
