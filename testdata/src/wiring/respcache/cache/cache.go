// Package cache caches responses in the store the program passes, which
// a request's strategy may override (gin-cache's cache.go).
package cache

import (
	"net/http"
	"sync"
	"time"

	"wiring/respcache/persist"
)

// Strategy is what a request says about its caching.
type Strategy struct {
	Store persist.CacheStore
}

// ByURI returns a handler that caches by request URI.
func ByURI(defaultStore persist.CacheStore, ttl time.Duration, strategy func(*http.Request) Strategy) http.HandlerFunc {
	var mu sync.Mutex
	return func(w http.ResponseWriter, r *http.Request) {
		store := defaultStore
		if s := strategy(r); s.Store != nil {
			store = s.Store
		}
		if body, ok := store.Get(r.RequestURI); ok {
			w.Write(body)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		store.Set(r.RequestURI, []byte("fresh"), ttl)
	}
}
