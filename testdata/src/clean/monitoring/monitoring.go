// Package monitoring keeps request statistics of its own, in plain maps
// and struct fields rather than a metrics library, and serves a /varz
// snapshot of them. Each replica reporting its own numbers is what
// monitoring wants: none of it is a finding. The twin, a counter that the
// service's behaviour depends on, is seeds' requestCount.
package monitoring

import (
	"encoding/json"
	"net/http"
	"sync"
	"time"
)

type varz struct {
	Now         time.Time `json:"now"`
	Connections int       `json:"connections"`
	InMsgs      int64     `json:"in_msgs"`
}

type Server struct {
	mu           sync.Mutex
	httpReqStats map[string]uint64
	varz         *varz
	conns        int
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.httpReqStats[r.URL.Path]++
	s.mu.Unlock()
}

func (s *Server) handleVarz(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.varz.Now = time.Now()
	s.varz.Connections = s.conns
	s.varz.InMsgs++
	v := *s.varz
	s.mu.Unlock()
	json.NewEncoder(w).Encode(v)
}

var requestStats = map[string]int{}

// transferStats is named for what it holds, the variable is not: rclone's
// accounting.groups is a *statsGroups.
type transferStats struct{ bytes map[string]int64 }

var groups = &transferStats{bytes: map[string]int64{}}

func account(w http.ResponseWriter, r *http.Request) {
	groups.bytes[r.URL.Path] += r.ContentLength
}

func countRoute(w http.ResponseWriter, r *http.Request) {
	requestStats[r.Method+" "+r.URL.Path]++
}

func New() http.Handler {
	s := &Server{httpReqStats: map[string]uint64{}, varz: &varz{}}
	mux := http.NewServeMux()
	mux.Handle("/", s)
	mux.HandleFunc("/varz", s.handleVarz)
	mux.HandleFunc("/count", countRoute)
	mux.HandleFunc("/upload", account)
	return mux
}
