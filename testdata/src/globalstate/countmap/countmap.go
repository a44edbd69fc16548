// Package countmap counts per key: a map whose values a handler
// increments is a table of counters, one finding per handler however many
// times it counts. Its clean twins count per request, or keep the count
// where every replica sees it.
package countmap

import (
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
	http.ListenAndServe(":8080", mux)
}
