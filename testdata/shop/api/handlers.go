package api

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"example.com/shop/store"
)

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	s.mu.Lock()
	s.sessions[id] = r.FormValue("user")
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id})
}

func (s *Server) addToCart(w http.ResponseWriter, r *http.Request) {
	u := s.user(r)
	s.mu.Lock()
	s.carts[u] = append(s.carts[u], r.FormValue("item"))
	s.mu.Unlock()
}

func (s *Server) showCart(w http.ResponseWriter, r *http.Request) {
	u := s.user(r)
	s.mu.Lock()
	items := s.carts[u]
	s.mu.Unlock()
	page.Execute(w, items)
}

func (s *Server) address(w http.ResponseWriter, r *http.Request) { // step one of checkout; pay is step two
	u := s.user(r)
	s.mu.Lock()
	s.checkout[u] = r.FormValue("address")
	s.mu.Unlock()
}

func (s *Server) pay(w http.ResponseWriter, r *http.Request) {
	u := s.user(r)
	s.mu.Lock()
	addr := s.checkout[u]
	s.orders++
	s.mu.Unlock()
	s.db.ExecContext(r.Context(), "INSERT INTO orders (user_name, address) VALUES ($1, $2)", u, addr) // fine
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	f, hdr, err := r.FormFile("image")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	defer f.Close()
	dst, err := os.Create(filepath.Join(s.uploadDir, filepath.Base(hdr.Filename)))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	io.Copy(dst, f)
}

func (s *Server) product(w http.ResponseWriter, r *http.Request) {
	p, err := store.Product(s.db, r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(p))
}
