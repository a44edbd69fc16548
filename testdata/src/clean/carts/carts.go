// Package carts is the clean twin of seeds/carts: the cart lives in Redis
// under the session's key; the server value holds only clients.
package carts

import (
	"net/http"

	"github.com/redis/go-redis/v9"
)

type Server struct {
	rdb *redis.Client
}

func (s *Server) addToCart(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	s.rdb.LPush(r.Context(), "cart:"+c.Value, r.FormValue("item"))
}

func (s *Server) checkout(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("session")
	items := s.rdb.HGetAll(r.Context(), "cart:"+c.Value).Val()
	_ = items
}

func main() {
	s := &Server{rdb: redis.NewClient(&redis.Options{})}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /cart", s.addToCart)
	mux.HandleFunc("POST /checkout", s.checkout)
	http.ListenAndServe(":8080", mux)
}
