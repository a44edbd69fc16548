// Package web builds each request's context from what the server was
// set up with: the context is made per request, the store it carries is
// not.
package web

import (
	"net/http"

	"wiring/registry/storage"
)

var store storage.Store

// Setup keeps the store every request's context carries.
func Setup(s storage.Store) { store = s }

// Context is passed to every handler.
type Context struct {
	Vars  map[string]string
	Store storage.Store
}

// Handler is a handler that takes the request's context.
type Handler func(http.ResponseWriter, *http.Request, *Context)

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h(w, r, &Context{Vars: map[string]string{}, Store: store})
}
