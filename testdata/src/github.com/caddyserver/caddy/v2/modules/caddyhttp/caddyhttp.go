// Package caddyhttp is a stub of github.com/caddyserver/caddy/v2/modules/caddyhttp
// (v2.11): only the handler types statelint matches.
package caddyhttp

import "net/http"

// Handler is like http.Handler except ServeHTTP may return an error.
type Handler interface {
	ServeHTTP(http.ResponseWriter, *http.Request) error
}

// HandlerFunc is a convenience type like http.HandlerFunc.
type HandlerFunc func(http.ResponseWriter, *http.Request) error

// ServeHTTP implements the Handler interface.
func (f HandlerFunc) ServeHTTP(w http.ResponseWriter, r *http.Request) error { return f(w, r) }

// MiddlewareHandler is like Handler except it takes as a third argument the
// next handler in the chain.
type MiddlewareHandler interface {
	ServeHTTP(http.ResponseWriter, *http.Request, Handler) error
}
