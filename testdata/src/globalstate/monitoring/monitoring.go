// Package monitoring decides a count by its use: one only logged or
// exported to /metrics is monitoring, per replica by design; the same
// count read back to decide what a request gets is a limit.
package monitoring

import (
	"context"
	"expvar"
	"log"
	"net/http"
	"sync"
	"sync/atomic"
)

// uploads is only exported: silent.
var uploads int64

var uploadsVar = expvar.NewInt("uploads")

func upload(w http.ResponseWriter, r *http.Request) {
	atomic.AddInt64(&uploads, 1)
	w.WriteHeader(http.StatusCreated)
}

func metrics(w http.ResponseWriter, r *http.Request) {
	uploadsVar.Set(atomic.LoadInt64(&uploads))
	log.Printf("uploads so far: %d", atomic.LoadInt64(&uploads))
}

// uploadedBytes is the same running total read back to refuse an upload:
// a quota.
var uploadedBytes int64

func quotaUpload(w http.ResponseWriter, r *http.Request) {
	if atomic.LoadInt64(&uploadedBytes) > 1<<30 {
		http.Error(w, "quota exceeded", http.StatusInsufficientStorage)
		return
	}
	atomic.AddInt64(&uploadedBytes, r.ContentLength) // want `in-process balance or total uploadedBytes is written by handler for "POST /quota/upload"`
}

// next picks this replica's backends in turn: compared only with their
// number, used as an index and kept in the request's context for a
// retry, it is a round-robin pick, alike in kind on every replica:
// silent.
var (
	pickMu   sync.Mutex
	next     int
	backends = []string{"10.0.0.1:80", "10.0.0.2:80"}
)

type pickKey struct{}

func forward(w http.ResponseWriter, r *http.Request) {
	pickMu.Lock()
	if next >= len(backends) {
		next = 0
	}
	i := next
	next++
	pickMu.Unlock()
	r = r.WithContext(context.WithValue(r.Context(), pickKey{}, i))
	w.Header().Set("X-Backend", backends[i])
}

// forwarded is the same count compared with a fixed limit to refuse the
// request: it decides what the request gets.
var forwarded int

func forwardLimited(w http.ResponseWriter, r *http.Request) {
	pickMu.Lock()
	defer pickMu.Unlock()
	forwarded++ // want `in-process counter forwarded is written by handler for "GET /forward/limited"`
	if forwarded > 1000 {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func main() {
	http.HandleFunc("POST /upload", upload)
	http.HandleFunc("GET /metrics", metrics)
	http.HandleFunc("POST /quota/upload", quotaUpload)
	http.HandleFunc("GET /forward", forward)
	http.HandleFunc("GET /forward/limited", forwardLimited)
	http.ListenAndServe(":8080", nil)
}
