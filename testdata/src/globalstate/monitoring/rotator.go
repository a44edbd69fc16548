package monitoring

import (
	"fmt"
	"net/http"
	"sync"
)

// Rotator hands out this replica's proxies in turn: an index that wraps
// around their number and only picks one of them, alike in kind on every
// replica: silent.
type Rotator struct {
	mu      sync.Mutex
	proxies []string
	current int
}

var rotator = &Rotator{proxies: []string{"http://proxy-a", "http://proxy-b"}}

// Next returns the next proxy.
func (r *Rotator) Next() string {
	if len(r.proxies) == 0 {
		return ""
	}
	r.mu.Lock()
	p := r.proxies[r.current]
	r.current = (r.current + 1) % len(r.proxies)
	r.mu.Unlock()
	return p
}

func fetchVia(w http.ResponseWriter, req *http.Request) {
	w.Header().Set("X-Proxy", rotator.Next())
}

// ticket is the same wrapping count handed to the client as its number
// in the queue: the data of a response, which another replica repeats.
var (
	ticketMu sync.Mutex
	ticket   int
)

func takeTicket(w http.ResponseWriter, req *http.Request) {
	ticketMu.Lock()
	defer ticketMu.Unlock()
	ticket = (ticket + 1) % 1000 // want `in-process counter ticket is written by handler for "POST /ticket": `
	fmt.Fprintf(w, "your number is %d", ticket)
}

func init() {
	http.HandleFunc("GET /fetch", fetchVia)
	http.HandleFunc("POST /ticket", takeTicket)
}
