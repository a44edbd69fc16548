// Package web builds a Context for every request from what the server
// was set up with, as inbucket's web package does: the Context is the
// request's own, but the hub in it is the process's one.
package web

import (
	"net/http"

	"memstore/ctxfield/hub"
)

var events, watchers, peekers *hub.Hub

// Init sets the server up.
func Init(h, w, p *hub.Hub) { events, watchers, peekers = h, w, p }

// Context is passed to every handler.
type Context struct {
	Vars     map[string]string
	Hub      *hub.Hub
	Watchers *hub.Hub
	Peekers  *hub.Hub
}

// NewContext returns the Context of one request.
func NewContext(r *http.Request) *Context {
	return &Context{Vars: map[string]string{"path": r.URL.Path}, Hub: events, Watchers: watchers, Peekers: peekers}
}

// Handler is a handler that takes the Context.
type Handler func(w http.ResponseWriter, r *http.Request, ctx *Context) error

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := h(w, r, NewContext(r)); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
