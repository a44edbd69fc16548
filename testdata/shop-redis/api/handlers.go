package api

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
)

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	if err := s.rdb.Set(r.Context(), "session:"+id, r.FormValue("user"), sessionTTL).Err(); err != nil {
		serverError(w, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id, Path: "/", HttpOnly: true})
}

func (s *Server) addToCart(w http.ResponseWriter, r *http.Request) {
	sid, _ := s.session(r)
	key := "cart:" + sid
	if err := s.rdb.RPush(r.Context(), key, r.FormValue("item")).Err(); err != nil {
		serverError(w, err)
		return
	}
	s.rdb.Expire(r.Context(), key, sessionTTL)
}

func (s *Server) showCart(w http.ResponseWriter, r *http.Request) {
	sid, _ := s.session(r)
	items, err := s.rdb.LRange(r.Context(), "cart:"+sid, 0, -1).Result()
	if err != nil {
		serverError(w, err)
		return
	}
	page.Execute(w, items)
}

// address is step one of checkout; pay is step two. The address waits in
// Redis, not in the replica that took it.
func (s *Server) address(w http.ResponseWriter, r *http.Request) {
	sid, _ := s.session(r)
	if err := s.rdb.Set(r.Context(), "checkout:"+sid, r.FormValue("address"), sessionTTL).Err(); err != nil {
		serverError(w, err)
	}
}

func (s *Server) pay(w http.ResponseWriter, r *http.Request) {
	sid, user := s.session(r)
	ctx := r.Context()
	addr := s.rdb.Get(ctx, "checkout:"+sid).Val()
	items := s.rdb.LRange(ctx, "cart:"+sid, 0, -1).Val()
	if err := s.rdb.Incr(ctx, "orders").Err(); err != nil { // the count is shared by every replica
		serverError(w, err)
		return
	}
	s.rdb.Del(ctx, "cart:"+sid, "checkout:"+sid)
	fmt.Fprintf(w, "order for %s to %s: %s\n", user, addr, strings.Join(items, ", "))
}

func (s *Server) product(w http.ResponseWriter, r *http.Request) {
	name, ok := catalogue[r.PathValue("id")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Write([]byte(name))
}
