// Package caddy is a Caddy HTTP handler module (a plugin): an instance is
// provisioned once per configuration load and then serves every request
// that its route matches, so its fields are server state. Routes come from
// the configuration, so findings name the handler method.
package caddy

import (
	"net/http"
	"strings"
	"sync"

	"github.com/caddyserver/caddy/v2/modules/caddyhttp"
)

// Visits counts requests in the module instance.
type Visits struct {
	Prefix string `json:"prefix,omitempty"`

	mu    sync.Mutex
	count int
	seen  map[string]int
}

// Provision runs when the configuration is loaded: not a request path.
func (v *Visits) Provision() error {
	v.seen = map[string]int{}
	v.Prefix = strings.TrimSuffix(v.Prefix, "/")
	return nil
}

func (v *Visits) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
	v.mu.Lock()
	v.count++              // want `in-process counter Visits.count is written by handler \(\*Visits\).ServeHTTP`
	v.seen[r.RemoteAddr]++ // want `per-client rate limiter in memory Visits.seen is written by handler \(\*Visits\).ServeHTTP`
	v.mu.Unlock()
	return next.ServeHTTP(w, r)
}

// Header is the clean twin: it reads its provisioned configuration and
// keeps everything else in the request.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

func (h *Header) Provision() error {
	h.Name = http.CanonicalHeaderKey(h.Name)
	return nil
}

func (h Header) ServeHTTP(w http.ResponseWriter, r *http.Request, next caddyhttp.Handler) error {
	w.Header().Set(h.Name, h.Value)
	return next.ServeHTTP(w, r)
}

var (
	_ caddyhttp.MiddlewareHandler = (*Visits)(nil)
	_ caddyhttp.MiddlewareHandler = Header{}
)
