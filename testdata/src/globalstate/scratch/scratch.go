// Package scratch holds package-level values a handler overwrites whole
// before it reads them, under a mutex, to encode a response (fiber's
// monitor): nothing in them outlives the request, so they are not state.
// Their twins keep something from one request for the next: a field left
// out, a handler that only reads, a count read before it is written.
package scratch

import (
	"encoding/json"
	"net/http"
	"runtime"
	"sync"
	"time"
)

type procStats struct {
	Goroutines int     `json:"goroutines"`
	HeapBytes  uint64  `json:"heap_bytes"`
	Load       float64 `json:"load"`
}

type snapshot struct {
	Proc   procStats `json:"proc"`
	Uptime string    `json:"uptime"`
}

var (
	mu      sync.Mutex
	started = time.Now()
)

// current is filled in full before every read: silent.
var current = &snapshot{}

func stats(w http.ResponseWriter, r *http.Request) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	mu.Lock()
	defer mu.Unlock()
	current.Proc.Goroutines = runtime.NumGoroutine()
	current.Proc.HeapBytes = m.HeapAlloc
	current.Proc.Load = float64(m.NumGC)
	current.Uptime = time.Since(started).String()
	json.NewEncoder(w).Encode(current)
}

// report is the same, a struct value rather than a pointer, set once
// at startup: silent.
var report snapshot

func init() { report.Uptime = "0s" }

func statsValue(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	report = snapshot{Uptime: time.Since(started).String()}
	report.Proc.Goroutines = runtime.NumGoroutine()
	out := report
	mu.Unlock()
	json.NewEncoder(w).Encode(out)
}

// partial leaves Load as the last request left it, and the response
// shows it.
var partial = &snapshot{}

func statsPartial(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	partial.Proc.Goroutines = runtime.NumGoroutine() // want `mutable server variable partial\.Proc\.Goroutines is written by handler for "GET /stats/partial"`
	partial.Proc.HeapBytes = 0                       // want `mutable server variable partial\.Proc\.HeapBytes is written by handler for "GET /stats/partial"`
	partial.Uptime = time.Since(started).String()    // want `mutable server variable partial\.Uptime is written by handler for "GET /stats/partial"`
	json.NewEncoder(w).Encode(partial)
}

// shared is filled by one handler and read by another, which sees what
// the last fill on its own replica left.
var shared = &snapshot{}

func fillShared(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	shared.Proc.Goroutines = runtime.NumGoroutine() // want `mutable server variable shared\.Proc\.Goroutines is written by handler for "GET /stats/shared"`
	shared.Proc.HeapBytes = 0                       // want `mutable server variable shared\.Proc\.HeapBytes is written by handler for "GET /stats/shared"`
	shared.Proc.Load = 0                            // want `mutable server variable shared\.Proc\.Load is written by handler for "GET /stats/shared"`
	shared.Uptime = time.Since(started).String()    // want `mutable server variable shared\.Uptime is written by handler for "GET /stats/shared"`
	json.NewEncoder(w).Encode(shared)
}

func peekShared(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	json.NewEncoder(w).Encode(shared)
}

// tally overwrites every field but one it counts up: the count is read
// before it is written.
var tally = &snapshot{}

func statsTally(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	tally.Proc.Goroutines++                     // want `in-process counter tally\.Proc\.Goroutines is written by handler for "GET /stats/tally"`
	tally.Proc.HeapBytes = 0                    // want `mutable server variable tally\.Proc\.HeapBytes is written by handler for "GET /stats/tally"`
	tally.Proc.Load = 0                         // want `mutable server variable tally\.Proc\.Load is written by handler for "GET /stats/tally"`
	tally.Uptime = time.Since(started).String() // want `mutable server variable tally\.Uptime is written by handler for "GET /stats/tally"`
	json.NewEncoder(w).Encode(tally)
}

// maybe is filled only on some requests: the others read the last fill.
var maybe = &snapshot{}

func statsMaybe(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	if r.URL.Query().Get("refresh") != "" {
		maybe.Proc.Goroutines = runtime.NumGoroutine() // want `mutable server variable maybe\.Proc\.Goroutines is written by handler for "GET /stats/maybe"`
		maybe.Proc.HeapBytes = 0                       // want `mutable server variable maybe\.Proc\.HeapBytes is written by handler for "GET /stats/maybe"`
		maybe.Proc.Load = 0                            // want `mutable server variable maybe\.Proc\.Load is written by handler for "GET /stats/maybe"`
		maybe.Uptime = time.Since(started).String()    // want `mutable server variable maybe\.Uptime is written by handler for "GET /stats/maybe"`
	}
	json.NewEncoder(w).Encode(maybe)
}

func main() {
	http.HandleFunc("GET /stats", stats)
	http.HandleFunc("GET /stats/value", statsValue)
	http.HandleFunc("GET /stats/partial", statsPartial)
	http.HandleFunc("GET /stats/shared", fillShared)
	http.HandleFunc("GET /stats/peek", peekShared)
	http.HandleFunc("GET /stats/tally", statsTally)
	http.HandleFunc("GET /stats/maybe", statsMaybe)
	http.ListenAndServe(":8080", nil)
}
