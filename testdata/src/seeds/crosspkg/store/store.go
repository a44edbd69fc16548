// Package store keeps records in a package-level map; it knows nothing of
// HTTP. Its functions' summaries travel to the api package as facts.
package store

import "sync"

var (
	mu    sync.Mutex
	items = map[string]string{} // the state
)

// Save writes through put, two calls below the handler.
func Save(k, v string) { put(k, v) }

func put(k, v string) {
	mu.Lock()
	items[k] = v
	mu.Unlock()
}

// Get reads the map.
func Get(k string) string {
	mu.Lock()
	defer mu.Unlock()
	return items[k]
}

// Counter is a store-side counter written through a pointer parameter.
type Counter struct{ N int }

// Inc writes through its receiver.
func (c *Counter) Inc() { c.N++ }
