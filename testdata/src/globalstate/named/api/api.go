// Package api serves messages and the statistics package stats keeps.
package api

import (
	"encoding/json"
	"net/http"
	"time"

	"globalstate/named/stats"
)

func send(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	stats.LogAccepted() // want `in-process counter stats.accepted is written by handler for "POST /send"`
	if time.Since(start) > time.Second {
		stats.LogSlow()
	}
	w.WriteHeader(http.StatusAccepted)
}

func info(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(stats.Load())
}

func init() {
	http.HandleFunc("POST /send", send)
	http.HandleFunc("GET /info", info)
	go stats.Report()
}
