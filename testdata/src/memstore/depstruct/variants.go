package depstruct

import (
	"net/http"
	"time"

	"example.com/expcache"
	"example.com/kvclient"
	"github.com/ReneKroon/ttlcache/v2"
	"golang.org/x/time/rate"
)

// Server limits each client with a limiter kept in a dependency's cache,
// reached only through the cache's interface, and keeps pages in a cache
// written with a method no table names.
type Server struct {
	limiters expcache.Cache[string, *rate.Limiter]
	pages    *ttlcache.Cache
	remote   kvclient.KV
}

func (s *Server) limit(w http.ResponseWriter, r *http.Request) {
	l, ok := s.limiters.Get(r.RemoteAddr)
	if !ok {
		l = rate.NewLimiter(1, 5)
		s.limiters.Set(r.RemoteAddr, l, time.Hour) // want `per-client rate limiter in memory Server.limiters is written by handler for "/limited"`
	}
	if !l.Allow() {
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	if _, err := s.pages.Get(r.URL.Path); err == nil {
		return
	}
	s.pages.SetWithTTL(r.URL.Path, "rendered", time.Minute) // want `in-process cache Server.pages is written by handler for "/page"`
}

// remember writes through a client of a remote store with the same
// method names: not a finding.
func (s *Server) remember(w http.ResponseWriter, r *http.Request) {
	if _, err := s.remote.Get(r.URL.Path); err == nil {
		return
	}
	s.remote.SetWithTTL(r.URL.Path, []byte(r.FormValue("v")), time.Minute)
}

func serve() {
	kv, _ := kvclient.Dial("kv:7000")
	s := &Server{limiters: expcache.NewCache[string, *rate.Limiter](), pages: ttlcache.NewCache(), remote: kv}
	http.HandleFunc("/limited", s.limit)
	http.HandleFunc("/page", s.page)
	http.HandleFunc("/remember", s.remember)
	http.ListenAndServe(":8080", nil)
}
