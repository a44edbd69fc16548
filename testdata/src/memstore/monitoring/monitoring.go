// Package monitoring decides a table of counts by its use: one only
// logged is monitoring, per replica by design; the same table read back
// to ban an address is a rate limiter.
package monitoring

import (
	"fmt"
	"log"
	"net/http"
	"sync"
)

// hits counts requests per address and only logs them: silent.
var (
	mu   sync.Mutex
	hits = map[string]int{}
)

func visit(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	hits[r.RemoteAddr]++
	n := hits[r.RemoteAddr]
	mu.Unlock()
	log.Printf("%s: %d requests", r.RemoteAddr, n)
}

// strikes is the same table read back to ban an address after 200 hits:
// a rate limiter.
var strikes = map[string]int{}

func guarded(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	strikes[r.RemoteAddr]++ // want `per-client rate limiter in memory strikes is written by handler for "GET /guarded"`
	banned := strikes[r.RemoteAddr] > 200
	mu.Unlock()
	if banned {
		http.Error(w, "banned", http.StatusForbidden)
		return
	}
	fmt.Fprintln(w, "ok")
}

func main() {
	http.HandleFunc("GET /visit", visit)
	http.HandleFunc("GET /guarded", guarded)
	http.ListenAndServe(":8080", nil)
}
