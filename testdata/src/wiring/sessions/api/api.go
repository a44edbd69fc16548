// Package api keeps sessions in whichever Sessions the program passes to
// New.
package api

import "net/http"

// Sessions stores sessions by ID.
type Sessions interface {
	Put(id, user string)
}

// Server serves the login route.
type Server struct {
	sessions Sessions
}

// New returns a server over sessions.
func New(s Sessions) *Server { return &Server{sessions: s} }

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("sid")
	s.sessions.Put(c.Value, r.FormValue("user"))
}

// Routes registers the server's routes.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /login", s.login)
}
