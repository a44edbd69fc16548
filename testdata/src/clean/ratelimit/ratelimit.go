// Package ratelimit is the clean twin of seeds/ratelimit: per-client
// counters live in Redis; one process-wide limiter sheds load per replica
// by design.
package ratelimit

import (
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
)

var (
	rdb  *redis.Client
	shed = rate.NewLimiter(1000, 100)
)

func limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !shed.Allow() {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		key := "rl:" + r.RemoteAddr
		n := rdb.Incr(r.Context(), key).Val()
		rdb.Expire(r.Context(), key, time.Minute)
		if n > 60 {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":8080", limit(mux))
}
