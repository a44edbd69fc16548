// Package httprate is a stub of github.com/go-chi/httprate v0.16: rate
// limiting middleware that counts in process memory unless given a
// LimitCounter.
package httprate

import (
	"net/http"
	"time"
)

type KeyFunc func(r *http.Request) (string, error)

type Option func(rl *RateLimiter)

type LimitCounter interface {
	Config(requestLimit int, windowLength time.Duration)
	Increment(key string, currentWindow time.Time) error
	IncrementBy(key string, currentWindow time.Time, amount int) error
	Get(key string, currentWindow, previousWindow time.Time) (int, int, error)
}

type RateLimiter struct {
	keyFn        KeyFunc
	limitCounter LimitCounter
}

func (l *RateLimiter) Handler(next http.Handler) http.Handler { return next }

func NewRateLimiter(requestLimit int, windowLength time.Duration, options ...Option) *RateLimiter {
	rl := &RateLimiter{}
	for _, opt := range options {
		opt(rl)
	}
	return rl
}

func LimitBy(requestLimit int, windowLength time.Duration, keyFn KeyFunc, options ...Option) func(next http.Handler) http.Handler {
	return NewRateLimiter(requestLimit, windowLength, append([]Option{WithKeyFuncs(keyFn)}, options...)...).Handler
}

func Limit(requestLimit int, windowLength time.Duration, options ...Option) func(next http.Handler) http.Handler {
	return LimitBy(requestLimit, windowLength, Key("*"), options...)
}

func LimitAll(requestLimit int, windowLength time.Duration) func(next http.Handler) http.Handler {
	return LimitBy(requestLimit, windowLength, Key("*"))
}

func LimitByIP(requestLimit int, windowLength time.Duration) func(next http.Handler) http.Handler {
	return LimitBy(requestLimit, windowLength, KeyByIP)
}

func LimitByRealIP(requestLimit int, windowLength time.Duration) func(next http.Handler) http.Handler {
	return LimitBy(requestLimit, windowLength, KeyByIP)
}

func Key(key string) func(r *http.Request) (string, error) {
	return func(r *http.Request) (string, error) { return key, nil }
}

func KeyByIP(r *http.Request) (string, error) { return r.RemoteAddr, nil }

func CanonicalizeIP(ip string) string { return ip }

func WithKeyFuncs(keyFuncs ...KeyFunc) Option { return func(rl *RateLimiter) {} }

func WithLimitCounter(c LimitCounter) Option {
	return func(rl *RateLimiter) { rl.limitCounter = c }
}

func WithNoop() Option { return func(rl *RateLimiter) {} }
