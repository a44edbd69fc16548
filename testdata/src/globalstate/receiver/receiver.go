// Package receiver keeps state in fields of the long-lived server value
// that handler methods hang off; one write is reached through a method of
// a field, one through a getter.
package receiver

import (
	"net/http"
	"sync"
)

type tally struct{ served int }

func (st *tally) record() { st.served++ } // want `in-process counter Server.tally.served is written by handler for "/"`

type Server struct {
	mu      sync.Mutex
	hits    int
	ready   bool
	tally   tally
	limited map[string]bool
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits++ // want `in-process counter Server.hits is written by handler for "/"`
	s.tally.record()
}

func (s *Server) enable(w http.ResponseWriter, r *http.Request) {
	s.ready = true // want `in-process flag Server.ready is written by handler for "POST /enable": a flag set by one replica is unset on the others`
}

func main() {
	s := &Server{limited: map[string]bool{}}
	http.Handle("/", s)
	http.HandleFunc("POST /enable", s.enable)
	http.ListenAndServe(":8080", nil)
}
