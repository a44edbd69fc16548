// Package ratelimit keeps a rate limiter per client address in memory:
// with N replicas every client gets N times its limit.
package ratelimit

import (
	"net"
	"net/http"
	"sync"

	"golang.org/x/time/rate"
)

var (
	mu       sync.Mutex
	visitors = map[string]*rate.Limiter{}
	attempts = map[string]int{}
)

func limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, _ := net.SplitHostPort(r.RemoteAddr)
		mu.Lock()
		lim, ok := visitors[ip]
		if !ok {
			lim = rate.NewLimiter(1, 3)
			visitors[ip] = lim // want `per-client rate limiter in memory visitors is written by handler limit.func1: each replica grants the full limit, so N replicas allow N times the rate; keep rate-limit counters in Redis or enforce the limit at the gateway`
		}
		mu.Unlock()
		if !lim.Allow() {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func login(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	attempts[r.RemoteAddr]++ // want `per-client rate limiter in memory attempts is written by handler for "POST /login"`
	mu.Unlock()
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", login)
	http.ListenAndServe(":8080", limit(mux))
}
