// Package server calls back, when a connection is deleted, into every
// listener the program adds at startup: functions appended to a slice,
// and implementations of an interface kept in a map by name.
package server

import "net/http"

// Listener hears of deleted connections.
type Listener interface {
	Deleted(id string)
}

// Notifier keeps the listeners added at startup.
type Notifier struct {
	deleted   []func(id string) error
	listeners map[string]Listener
}

// OnDeleted adds a callback for deleted connections.
func (n *Notifier) OnDeleted(cb func(id string) error) {
	n.deleted = append(n.deleted, cb)
}

// AddListener adds a named listener.
func (n *Notifier) AddListener(name string, l Listener) {
	if n.listeners == nil {
		n.listeners = map[string]Listener{}
	}
	n.listeners[name] = l
}

func (n *Notifier) fireDeleted(id string) error {
	for _, cb := range n.deleted {
		if err := cb(id); err != nil {
			return err
		}
	}
	for _, l := range n.listeners {
		l.Deleted(id)
	}
	return nil
}

// Server serves the connection routes.
type Server struct {
	Notifier *Notifier
}

func (s *Server) del(w http.ResponseWriter, r *http.Request) {
	if err := s.Notifier.fireDeleted(r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Routes registers the server's routes.
func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("DELETE /conns/{id}", s.del)
}
