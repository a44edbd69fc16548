// Package startup writes its state only before serving: in init, in main,
// and in constructors and route setup called from main. Handlers only
// read it. A background refresher started at setup is not a request path.
package startup

import (
	"net/http"
	"strings"
	"time"
)

type Config struct {
	Greeting string
	Routes   map[string]string
}

var (
	cfg      Config
	version  string
	features = map[string]bool{}
	aliases  []string
	started  time.Time
)

func init() {
	version = "1.0"
	features["beta"] = true
}

type Server struct {
	cfg    Config
	routes map[string]string
	mux    *http.ServeMux
}

// NewServer builds the long-lived server value: its fields are written
// here, at setup, and only read by the handlers.
func NewServer(c Config) *Server {
	s := &Server{cfg: c, routes: map[string]string{}, mux: http.NewServeMux()}
	for k, v := range c.Routes {
		s.routes[k] = v
	}
	s.mux.HandleFunc("GET /", s.home)
	s.mux.HandleFunc("GET /go/{name}", s.redirect)
	return s
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(s.cfg.Greeting + version + strings.Join(aliases, ",")))
	if features["beta"] {
		w.Write([]byte(started.String()))
	}
}

func (s *Server) redirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, s.routes[r.PathValue("name")], http.StatusFound)
}

func main() {
	cfg = Config{Greeting: "hi", Routes: map[string]string{"docs": "https://example.com"}}
	aliases = append(aliases, "home")
	started = time.Now()
	s := NewServer(cfg)
	go func() {
		for range time.Tick(time.Minute) {
			features["beta"] = !features["beta"]
		}
	}()
	http.ListenAndServe(":8080", s.mux)
}
