// Package api reaches its session store through an interface; the only
// implementation it can see keeps sessions in memory.
package api

import (
	"net/http"

	"memstore/iface/store"
)

type Server struct {
	sessions store.Sessions
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("sid")
	s.sessions.Put(c.Value, r.FormValue("user")) // want `in-memory session store Server.sessions.m \(implemented in memory by \*store.Memory\) is written by handler for "POST /login"`
}

// Routes wires the server.
func Routes(mux *http.ServeMux) {
	s := &Server{sessions: store.NewMemory()}
	mux.HandleFunc("POST /login", s.login)
}
