// Package rebuild keeps an index derived from a route list, rebuilt while
// a staleness flag is set (fiber's buildTree under routesRefreshed). The
// rebuild is not state of its own: the list is set up at startup, and
// where a handler adds to it, that write is the finding.
package rebuild

import (
	"net/http"
	"strings"
	"sync"
)

type Router struct {
	mu     sync.Mutex
	routes []string
	index  map[string][]string
	stale  bool
}

func (rt *Router) add(path string) {
	rt.routes = append(rt.routes, path) // want `in-memory records table Router.routes is written by handler for "POST /routes"`
	rt.stale = true
}

// build rebuilds the index from the routes, only while it is stale.
func (rt *Router) build() {
	if !rt.stale {
		return
	}
	rt.index = map[string][]string{}
	for _, p := range rt.routes {
		first, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
		rt.index[first] = append(rt.index[first], p)
	}
	rt.stale = false
}

func (rt *Router) lookup(w http.ResponseWriter, r *http.Request) {
	rt.mu.Lock()
	rt.build()
	n := len(rt.index[r.PathValue("first")])
	rt.mu.Unlock()
	w.Write([]byte{byte('0' + n%10)})
}

func (rt *Router) addRoute(w http.ResponseWriter, r *http.Request) {
	rt.mu.Lock()
	rt.add(r.FormValue("path"))
	rt.mu.Unlock()
}

func main() {
	rt := &Router{}
	rt.add("/users/{id}")
	rt.add("/orders/{id}")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /lookup/{first}", rt.lookup)
	mux.HandleFunc("POST /routes", rt.addRoute)
	http.ListenAndServe(":8080", mux)
}
