// Package api holds the shop's HTTP handlers.
package api

import (
	"database/sql"
	"fmt"
	"html/template"
	"net/http"
	"sync"
	"sync/atomic"

	"example.com/shop/internal/jobs"
)

var page = template.Must(template.New("cart").Parse("{{range .}}<li>{{.}}</li>{{end}}")) // fine

// visits is state too, but accepted: the inventory lists it apart.
//
//statelint:ignore globalstate an approximate visit count for the home page; per-replica counts are acceptable
var visits atomic.Int64

// Server is created once at startup and shared by every request.
type Server struct {
	db        *sql.DB
	uploadDir string

	mu       sync.Mutex
	sessions map[string]string   // session id -> user
	carts    map[string][]string // user -> items
	checkout map[string]string   // user -> address, between two steps
	orders   int
}

// NewServer builds the server; writes here happen once, at setup.
func NewServer(db *sql.DB, uploadDir string) *Server {
	return &Server{
		db: db, uploadDir: uploadDir,
		sessions: map[string]string{},
		carts:    map[string][]string{},
		checkout: map[string]string{},
	}
}

// Routes registers the handlers.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /cart", s.addToCart)
	mux.HandleFunc("GET /cart", s.showCart)
	mux.HandleFunc("POST /checkout/address", s.address)
	mux.HandleFunc("POST /checkout/pay", s.pay)
	mux.HandleFunc("POST /upload", s.upload)
	mux.HandleFunc("POST /export", s.export)
	mux.HandleFunc("GET /export/{id}", s.exportStatus)
	mux.HandleFunc("GET /products/{id}", s.product)
	mux.HandleFunc("POST /wallet/withdraw", s.withdraw)
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /healthz", s.health)
	return mux
}

func (s *Server) user(r *http.Request) string {
	c, err := r.Cookie("sid")
	if err != nil {
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions[c.Value]
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	id := jobs.Start(s.user(r))
	w.Write([]byte(id))
}

func (s *Server) exportStatus(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(jobs.Status(r.PathValue("id"))))
}

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
