// Package httplimit limits requests through whichever Store the program
// hands it: a middleware built by a constructor that keeps the store in a
// field, and a handler constructor that captures it.
package httplimit

import (
	"net/http"

	"wiring/limiter/limiter"
)

// Middleware limits the requests of a handler.
type Middleware struct {
	store limiter.Store
}

// NewMiddleware returns a middleware over store.
func NewMiddleware(store limiter.Store) *Middleware { return &Middleware{store: store} }

// Handle wraps next.
func (m *Middleware) Handle(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !m.store.Take(r.RemoteAddr) {
			http.Error(w, "too many requests", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Limit returns a handler that only limits.
func Limit(store limiter.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !store.Take(r.RemoteAddr) {
			http.Error(w, "too many requests", http.StatusTooManyRequests)
		}
	}
}
