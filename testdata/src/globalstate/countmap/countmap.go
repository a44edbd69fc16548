// Package countmap counts per key: a map whose values a handler
// increments is a table of counters, one finding per handler however many
// times it counts. Its clean twins count per request, or keep the count
// where every replica sees it.
package countmap

import (
	"fmt"
	"io"
	"net/http"
	"sync"
)

type Server struct {
	mu    sync.Mutex
	views map[string]int
	kv    interface {
		Incr(key string) (int64, error)
	}
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.views[r.URL.Path]++ // want `in-process counter Server.views is written by handler for "GET /page/{name}"`
	if r.URL.Query().Has("twice") {
		s.views[r.URL.Path]++ // the same state in the same function: related information of the finding above
	}
	s.mu.Unlock()
}

// backend keeps its count in a struct beside a way to close the client
// it counts for: taken out, stepped and put back, still a table of
// counters, and no pool of handles (it holds data of its own).
type backend struct {
	io.Closer
	served int
}

var (
	backendsMu sync.Mutex
	backends   = map[string]backend{}
)

func forward(w http.ResponseWriter, r *http.Request) {
	backendsMu.Lock()
	defer backendsMu.Unlock()
	b := backends[r.Host]
	b.served++
	backends[r.Host] = b // want `in-process counter backends is written by handler for "GET /forward"`
}

// tallies steps a count taken out through a getter and puts it back
// through a setter. Shown but never compared, it stays a counter; the
// twin that refuses requests over a limit is a rate limiter
// (memstore/provenance, quota).
type tally struct{ n int }

type tallies struct {
	mu sync.Mutex
	m  map[string]*tally
}

func (t *tallies) get(k string) *tally {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e, ok := t.m[k]; ok {
		return e
	}
	return &tally{}
}

func (t *tallies) set(k string, e *tally) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.m[k] = e
}

var downloads = &tallies{m: map[string]*tally{}}

func download(w http.ResponseWriter, r *http.Request) {
	e := downloads.get(r.URL.Path)
	e.n++ // want `in-process counter downloads.m is written by handler for "GET /download/{name}"`
	downloads.set(r.URL.Path, e)
	fmt.Fprintln(w, e.n)
}

// pageShared counts in an external store such as Redis (INCR).
func (s *Server) pageShared(w http.ResponseWriter, r *http.Request) {
	s.kv.Incr("views:" + r.URL.Path)
}

// words counts within one request.
func words(w http.ResponseWriter, r *http.Request) {
	counts := map[string]int{}
	for _, f := range r.URL.Query()["w"] {
		counts[f]++
	}
	_ = counts
}

func main() {
	s := &Server{views: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /page/{name}", s.page)
	mux.HandleFunc("GET /shared/{name}", s.pageShared)
	mux.HandleFunc("GET /words", words)
	mux.HandleFunc("GET /forward", forward)
	mux.HandleFunc("GET /download/{name}", download)
	http.ListenAndServe(":8080", mux)
}
