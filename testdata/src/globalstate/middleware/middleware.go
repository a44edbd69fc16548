// Package middleware counts in middleware: the closure a middleware
// returns is on every request path it wraps. A goroutine started by a
// handler is on the request path too.
package middleware

import (
	"net/http"
	"sync/atomic"
)

var (
	inflight int64
	lastPath string
	served   int
)

func track(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&inflight, 1)        // a gauge of the requests in flight here, stepped back down below: silent
		defer atomic.AddInt64(&inflight, -1) // (monitoring/inflight.go has its twin, a count stepped up only)
		next.ServeHTTP(w, r)
	})
}

func home(w http.ResponseWriter, r *http.Request) {
	go func() {
		lastPath = r.URL.Path // want `mutable server variable lastPath is written by handler for "/"`
		served++              // want `in-process counter served is written by handler for "/"`
	}()
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/", home)
	http.ListenAndServe(":8080", track(mux))
}
