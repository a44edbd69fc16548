// Package lazyinit initialises process-wide values lazily on the first
// request, without sync.Once; and its test file runs a fake server whose
// handler counts calls. Neither is per-request state.
package lazyinit

import (
	"net/http"
	"sync"
)

type client struct{ base string }

var (
	mu      sync.Mutex
	api     *client
	routes  map[string]string
	handler http.Handler
)

func get(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	if api == nil {
		api = &client{base: "https://upstream"}
	}
	if routes != nil {
		w.Write([]byte(routes["x"]))
	} else {
		routes = map[string]string{"x": "y"}
	}
	mu.Unlock()
	w.Write([]byte(api.base))
}

func main() { http.HandleFunc("/", get) }
