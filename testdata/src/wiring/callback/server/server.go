// Package server calls back into whatever the program wires into its
// OnDelete field when a connection is deleted.
package server

import "net/http"

// Server serves the connection routes.
type Server struct {
	OnDelete func(id string)
	OnAudit  func(id string)
	OnTrace  func(t *Trace)
}

// Trace is made for each request and handed to OnTrace.
type Trace struct {
	ID     string
	Status int
	Tags   []string
}

func (s *Server) del(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.OnDelete(id)
	s.OnAudit(id)
	s.OnTrace(&Trace{ID: id})
}

// Routes registers the server's routes.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("DELETE /conns/{id}", s.del)
}
