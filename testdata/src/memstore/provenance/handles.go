package provenance

import (
	"context"
	"io"
	"net/http"
	"sync"
)

// A pool of clients of discovered instances, as go-kit's endpoint cache
// keeps them: each entry is behaviour and a way to close it, made by a
// factory per instance, and the list of their calls is a view of the
// pool. Silent, even where a request resets it after discovery failed.
type call func(ctx context.Context, req any) (any, error)

type instanceClient struct {
	call
	io.Closer
}

type balancer struct {
	mu      sync.Mutex
	factory func(instance string) (call, io.Closer, error)
	clients map[string]instanceClient
	calls   []call
	failed  bool
}

func (b *balancer) update(instances []string) {
	clients := make(map[string]instanceClient, len(instances))
	for _, in := range instances {
		if c, ok := b.clients[in]; ok {
			clients[in] = c
			delete(b.clients, in)
			continue
		}
		c, closer, err := b.factory(in)
		if err != nil {
			continue
		}
		clients[in] = instanceClient{c, closer}
	}
	for _, c := range b.clients {
		c.Close()
	}
	calls := make([]call, 0, len(clients))
	for _, in := range instances {
		if _, ok := clients[in]; ok {
			calls = append(calls, clients[in].call)
		}
	}
	b.calls = calls
	b.clients = clients
}

func (b *balancer) endpoints() []call {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failed {
		b.update(nil)
	}
	return b.calls
}

var lb = &balancer{clients: map[string]instanceClient{}}

func forward(w http.ResponseWriter, r *http.Request) {
	for _, c := range lb.endpoints() {
		if _, err := c(r.Context(), r.URL.Path); err == nil {
			return
		}
	}
	w.WriteHeader(http.StatusBadGateway)
}

func init() {
	http.HandleFunc("GET /forward", forward)
}

// A window of hits per API key, taken out through a getter, stepped and
// put back through a setter: a table of counters; and since the count
// decides whether the request is refused, a rate limiter. The pool's
// twin with data of its own (a count beside a closer) is a counter, in
// globalstate/countmap.
type window struct{ hits int }

type windows struct {
	mu sync.Mutex
	m  map[string]*window
}

func (s *windows) get(k string) *window {
	s.mu.Lock()
	defer s.mu.Unlock()
	if w, ok := s.m[k]; ok {
		return w
	}
	return &window{}
}

func (s *windows) set(k string, w *window) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k] = w
}

var apiWindows = &windows{m: map[string]*window{}}

func quota(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("X-Api-Key")
	e := apiWindows.get(key)
	e.hits++ // want `per-client rate limiter in memory apiWindows.m is written by handler for "GET /quota"`
	apiWindows.set(key, e)
	if e.hits > 100 {
		w.WriteHeader(http.StatusTooManyRequests)
	}
}

func init() { http.HandleFunc("GET /quota", quota) }
