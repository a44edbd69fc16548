package api

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

// visits is state too, but accepted: the inventory lists it apart.
//
//statelint:ignore globalstate an approximate visit count for the home page; per-replica counts are acceptable
var visits atomic.Int64

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "welcome, visitor %d\n", visits.Add(1))
}

// health answers the load balancer's probe: it touches no state.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if err := s.db.PingContext(r.Context()); err != nil {
		http.Error(w, "database unreachable", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ok\n"))
}
