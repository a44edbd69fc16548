// Command app limits its handlers with stores it chooses.
package main

import (
	"net/http"

	"github.com/redis/go-redis/v9"

	"wiring/limiter/httplimit"
	"wiring/limiter/memorystore"
	"wiring/limiter/redisstore"
)

func hello(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello")) }

func main() {
	mem, _ := memorystore.New() // want `per-client rate limiter in memory store.buckets of memorystore.New\(\) is written by handler \(\*httplimit.Middleware\).Handle.func1 through Store.Take: each replica grants the full limit`
	http.Handle("/mem", httplimit.NewMiddleware(mem).Handle(http.HandlerFunc(hello)))

	shared, _ := redisstore.New(redis.NewClient(&redis.Options{Addr: "redis:6379"}))
	http.Handle("/shared", httplimit.NewMiddleware(shared).Handle(http.HandlerFunc(hello)))
	http.Handle("/shared/limit", httplimit.Limit(shared))

	local, _ := memorystore.New() // want `per-client rate limiter in memory store.buckets of memorystore.New\(\) is written by handler httplimit.Limit.func1 through Store.Take: `
	http.Handle("/limit", httplimit.Limit(local))

	//statelint:ignore memstore the admin port runs on one replica only
	admin, _ := memorystore.New()
	http.Handle("/admin", httplimit.Limit(admin))
	http.ListenAndServe(":8080", nil)
}
