// Package carts is seed 002's application state: shopping carts kept in
// server memory, keyed by the session cookie.
package carts

import (
	"net/http"
	"sync"
)

type Item struct {
	ProductID int
	Qty       int
}

type Server struct {
	mu    sync.Mutex
	carts map[string][]Item
}

func (s *Server) addToCart(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.carts[c.Value] = append(s.carts[c.Value], Item{ProductID: 1, Qty: 2}) // want `in-memory session store Server.carts is written by handler for "POST /cart"`
}

func (s *Server) checkout(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	s.mu.Lock()
	defer s.mu.Unlock()
	items := s.carts[c.Value]
	_ = items
}

func main() {
	s := &Server{carts: map[string][]Item{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /cart", s.addToCart)
	mux.HandleFunc("POST /checkout", s.checkout)
	http.ListenAndServe(":8080", mux)
}
