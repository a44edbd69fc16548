package monitoring

import (
	"net/http"
	"sync/atomic"
)

// inflight counts the requests this replica is serving now: stepped up
// and back down by the same handler, a gauge per replica by nature:
// silent.
var inflight atomic.Int64

func busy(w http.ResponseWriter, r *http.Request) {
	inflight.Add(1)
	defer inflight.Add(-1)
	w.Write([]byte("working"))
}

// served is stepped up only: a count of every request, reported.
var served atomic.Int64

func serve(w http.ResponseWriter, r *http.Request) {
	n := served.Add(1) // want `in-process counter served is written by handler for "GET /serve"`
	if n > 1000 {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func init() {
	http.HandleFunc("GET /busy", busy)
	http.HandleFunc("GET /serve", serve)
}
