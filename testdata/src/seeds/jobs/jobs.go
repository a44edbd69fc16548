// Package jobs is seed 002's long-running operation: a video encoding job
// started by one request, run in a goroutine, and polled by another.
package jobs

import (
	"fmt"
	"net/http"
	"sync"
)

var (
	mu         sync.Mutex
	encodeJobs = map[string]string{}
)

func setStatus(id, status string) {
	mu.Lock()
	encodeJobs[id] = status // want `in-process job status table encodeJobs is written by handler for "POST /encode": a client polling for its job reaches a replica that never saw it.*run jobs through a job queue and keep their status in a database`
	mu.Unlock()
}

func encode(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("video")
	setStatus(id, "processing")
	go func() {
		// ... encode the video ...
		setStatus(id, "done")
	}()
	fmt.Fprint(w, id)
}

func status(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	s := encodeJobs[r.FormValue("video")]
	mu.Unlock()
	fmt.Fprint(w, s)
}

func main() {
	http.HandleFunc("POST /encode", encode)
	http.HandleFunc("GET /status", status)
	http.ListenAndServe(":8080", nil)
}
