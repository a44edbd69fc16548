// Package api holds the shop's HTTP handlers. Everything a request leaves
// for a later one is in Redis, keyed by the session the client holds.
package api

import (
	"html/template"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

var page = template.Must(template.New("cart").Parse("{{range .}}<li>{{.}}</li>{{end}}")) // fine

// catalogue is the products by ID; it is never written.
var catalogue = map[string]string{"1": "book", "2": "pen", "3": "mug"}

// sessionTTL is how long a session, its cart and its checkout live.
const sessionTTL = 24 * time.Hour

// Server is created once at startup and shared by every request; it holds
// only the Redis client.
type Server struct {
	rdb *redis.Client
}

// NewServer builds the server.
func NewServer(rdb *redis.Client) *Server { return &Server{rdb: rdb} }

// Routes registers the handlers.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /cart", s.addToCart)
	mux.HandleFunc("GET /cart", s.showCart)
	mux.HandleFunc("POST /checkout/address", s.address)
	mux.HandleFunc("POST /checkout/pay", s.pay)
	mux.HandleFunc("GET /products/{id}", s.product)
	return mux
}

// session returns the client's session ID and its user, or "" when the
// client holds no valid session.
func (s *Server) session(r *http.Request) (sid, user string) {
	c, err := r.Cookie("sid")
	if err != nil {
		return "", ""
	}
	user, err = s.rdb.Get(r.Context(), "session:"+c.Value).Result()
	if err != nil {
		return "", ""
	}
	return c.Value, user
}

// serverError answers a failure of Redis.
func serverError(w http.ResponseWriter, err error) {
	http.Error(w, "storage unavailable: "+err.Error(), http.StatusServiceUnavailable)
}
