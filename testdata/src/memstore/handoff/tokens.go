package handoff

import "net/http"

// A semaphore of empty tokens, taken on the request and given back by
// the goroutine that does the work: it bounds this replica's concurrency
// and holds no data. Silent.
type semaphore chan struct{}

func (s semaphore) acquire() { s <- struct{}{} }
func (s semaphore) release() { <-s }

var partUploads = make(semaphore, 4)

func uploadPart(w http.ResponseWriter, r *http.Request) {
	partUploads.acquire()
	go func() {
		defer partUploads.release()
	}()
}

// A wake-up for this process's flusher: silent too; what it flushes
// lives wherever the flusher reads it from.
var flushNow = make(chan struct{}, 1)

func flush(w http.ResponseWriter, r *http.Request) {
	select {
	case flushNow <- struct{}{}:
	default:
	}
}

// The same buffered channel carrying the part itself is a queue.
var parts = make(chan []byte, 4)

func queuePart(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 1024)
	n, _ := r.Body.Read(buf)
	parts <- buf[:n] // want `in-process queue parts is written by handler for "PUT /parts/queued"`
}

func init() {
	http.HandleFunc("PUT /parts", uploadPart)
	http.HandleFunc("POST /flush", flush)
	http.HandleFunc("PUT /parts/queued", queuePart)
}
