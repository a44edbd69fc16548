// Package server calls back into whatever the program wires into its
// OnDelete field when a connection is deleted.
package server

import "net/http"

// Server serves the connection routes.
type Server struct {
	OnDelete func(id string)
	OnAudit  func(id string)
}

func (s *Server) del(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.OnDelete(id)
	s.OnAudit(id)
}

// Routes registers the server's routes.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("DELETE /conns/{id}", s.del)
}
