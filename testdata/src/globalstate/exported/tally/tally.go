// Package tally counts the uploads its handler serves in counters it
// exports and never reads itself: what they are for is decided where they
// are read, and the package that reads them here, collect, only exports
// them to Prometheus. Silent. The same counts kept unexported, where no
// other package can read them, are the package's own, and a count this
// package's handler serves back is a counter.
package tally

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

// Metrics are the handler's counts, read by a collector elsewhere.
type Metrics struct {
	Uploads *uint64
	Bytes   *uint64
}

// Handler serves uploads.
type Handler struct {
	Metrics Metrics
	served  uint64
}

// New makes a handler with fresh counters.
func New() *Handler {
	return &Handler{Metrics: Metrics{Uploads: new(uint64), Bytes: new(uint64)}}
}

// ServeHTTP counts the upload.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	atomic.AddUint64(h.Metrics.Uploads, 1)
	atomic.AddUint64(h.Metrics.Bytes, uint64(r.ContentLength))
	n := atomic.AddUint64(&h.served, 1) // want `in-process counter Handler.served is written by handler \(\*Handler\).ServeHTTP`
	fmt.Fprintf(w, "upload %d", n)
}

// Requests is exported too, and read by nothing: silent.
var Requests int64

// Ping counts the pings.
func Ping(w http.ResponseWriter, r *http.Request) {
	atomic.AddInt64(&Requests, 1)
}

// pings is the same count unexported: no other package can read it, and
// nothing reads it here, yet it is written per request: a counter.
var pings int64

// Pong counts the pongs.
func Pong(w http.ResponseWriter, r *http.Request) {
	atomic.AddInt64(&pings, 1) // want `in-process counter pings is written by handler Pong`
}

// Mux routes to a handler it captured: the counts it reaches through the
// captured variable are the same exported ones, silent still.
func Mux() http.Handler {
	h := New()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddUint64(h.Metrics.Uploads, 1)
	})
}
