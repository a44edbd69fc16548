// Package monitoring decides a count by its use: one only logged or
// exported to /metrics is monitoring, per replica by design; the same
// count read back to decide what a request gets is a limit.
package monitoring

import (
	"expvar"
	"log"
	"net/http"
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

func main() {
	http.HandleFunc("POST /upload", upload)
	http.HandleFunc("GET /metrics", metrics)
	http.HandleFunc("POST /quota/upload", quotaUpload)
	http.ListenAndServe(":8080", nil)
}
