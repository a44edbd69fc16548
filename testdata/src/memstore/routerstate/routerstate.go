// Package routerstate adapts a fiber app to net/http the way fiber's own
// adaptor does: every request asks the app for its handler, which
// registers the automatic HEAD routes and rebuilds the route tree. That
// is the app's wiring, built alike on every replica from the routes the
// program registered: silent. An app type of this package's own, with
// the same method, keeps its routes where statelint cannot tell them
// from records a handler adds: reported.
package routerstate

import (
	"net/http"

	"github.com/gofiber/fiber/v3"
)

// FiberApp serves a fiber app through net/http.
func FiberApp(app *fiber.App) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_ = app.Handler()
		w.WriteHeader(http.StatusOK)
	}
}

type mux struct {
	paths []string
	seen  []string
}

func (m *mux) handler() {
	for _, p := range m.paths {
		m.seen = append(m.seen, p) // want `in-memory records table m.seen is written by handler Serve.func1`
	}
}

// Serve is FiberApp's twin over an app of this package.
func Serve(m *mux) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		m.handler()
		w.WriteHeader(http.StatusOK)
	}
}
