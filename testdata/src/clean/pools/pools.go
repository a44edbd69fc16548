// Package pools keeps handles to external stores in maps filled on
// request paths: prepared statements by query, HTTP clients by host,
// database clients by tenant. Every replica makes the same handles, and
// what they reach is the external store, so none of it is a finding. The
// twin at the end keeps data in the same shape, and is.
package pools

import (
	"database/sql"
	"net/http"
	"sync"

	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
)

type Server struct {
	db *sql.DB

	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	clients map[string]*http.Client
	tenants map[string]*redis.Client

	names    map[string]string
	limiters map[string]*rate.Limiter
}

func (s *Server) stmt(q string) *sql.Stmt {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[q]; ok {
		return st
	}
	st, _ := s.db.Prepare(q)
	s.stmts[q] = st
	return st
}

func (s *Server) client(host string) *http.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.clients[host]
	if c == nil {
		c = &http.Client{}
		s.clients[host] = c
	}
	return c
}

func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
	s.stmt("SELECT 1").QueryRow()
	s.client(r.Host).Get("https://" + r.Host)
	s.mu.Lock()
	s.tenants[r.Header.Get("X-Tenant")] = redis.NewClient(&redis.Options{})
	s.mu.Unlock()
}

// The twins: the same maps of data, and of per-client limiters, are state.
func (s *Server) remember(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.names[r.Host] = r.FormValue("name")             // want `Server.names is written by handler for "/remember"`
	s.limiters[r.RemoteAddr] = rate.NewLimiter(1, 10) // want `per-client rate limiter in memory Server.limiters is written by handler for "/remember"`
}

func NewServer(db *sql.DB) *Server {
	s := &Server{db: db, stmts: map[string]*sql.Stmt{}, clients: map[string]*http.Client{}}
	http.HandleFunc("/", s.handle)
	http.HandleFunc("/remember", s.remember)
	return s
}
