// Package monitoring keeps request statistics of its own, in plain maps
// and struct fields rather than a metrics library, and only logs them or
// hands them to expvar. Each replica reporting its own numbers is what
// monitoring wants: none of it is a finding, whatever the names. The
// twins, the same counts read back to refuse a request, are in
// globalstate/monitoring and memstore/monitoring.
package monitoring

import (
	"expvar"
	"log"
	"net/http"
	"sync"
)

type Server struct {
	mu     sync.Mutex
	byPath map[string]uint64
	inMsgs int64
}

var inMsgsVar = expvar.NewInt("in_msgs")

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.byPath[r.URL.Path]++
	n := s.byPath[r.URL.Path]
	s.inMsgs++
	s.mu.Unlock()
	log.Printf("%s: %d requests", r.URL.Path, n)
}

func (s *Server) handleVarz(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	inMsgsVar.Set(s.inMsgs)
	s.mu.Unlock()
}

var perRoute = map[string]int{}

var bytesIn = map[string]int64{}

func account(w http.ResponseWriter, r *http.Request) {
	bytesIn[r.URL.Path] += r.ContentLength
	log.Printf("%s: %d bytes", r.URL.Path, bytesIn[r.URL.Path])
}

func countRoute(w http.ResponseWriter, r *http.Request) {
	perRoute[r.Method+" "+r.URL.Path]++
	log.Println(r.Method, r.URL.Path, perRoute[r.Method+" "+r.URL.Path])
}

func New() http.Handler {
	s := &Server{byPath: map[string]uint64{}}
	mux := http.NewServeMux()
	mux.Handle("/", s)
	mux.HandleFunc("/varz", s.handleVarz)
	mux.HandleFunc("/count", countRoute)
	mux.HandleFunc("/upload", account)
	return mux
}
