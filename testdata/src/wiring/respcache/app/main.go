// Command app caches a route's responses in memory.
package main

import (
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"

	"wiring/respcache/cache"
	"wiring/respcache/persist"
)

func byDefault(*http.Request) cache.Strategy { return cache.Strategy{} }

func main() {
	store := persist.NewMemoryStore() // want `in-process cache MemoryStore.entries of persist.NewMemoryStore\(\) is written by handler cache.ByURI.func1 through CacheStore.Set: each replica keeps its own copy`
	http.Handle("/hello", cache.ByURI(store, time.Minute, byDefault))
	ttl := persist.NewTTLStore() // want `in-process cache TTLStore.Cache of persist.NewTTLStore\(\) is written by handler cache.ByURI.func1 through CacheStore.Set: each replica keeps its own copy`
	http.Handle("/ttl", cache.ByURI(ttl, time.Minute, byDefault))
	shared := persist.NewRedisStore(redis.NewClient(&redis.Options{Addr: "redis:6379"}))
	http.Handle("/shared", cache.ByURI(shared, time.Minute, byDefault))
	http.ListenAndServe(":8080", nil)
}
