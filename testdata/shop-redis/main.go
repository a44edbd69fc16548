// Command shopredis is the stateless twin of statelint's example shop:
// the same routes, with sessions, carts, checkouts and the order counter
// in Redis, so that any replica serves any request and a restart loses
// nothing. statelint reports nothing on it, and statelint-replicas finds
// that three replicas answer as one.
//
// It listens on -addr, by default :$PORT (or :8080), and connects to
// REDIS_URL (redis://127.0.0.1:6379/0 when unset). On SIGTERM it stops
// accepting requests and finishes those in flight.
package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/shopredis/api"
	"github.com/redis/go-redis/v9"
)

func main() {
	addr := flag.String("addr", ":"+envOr("PORT", "8080"), "listen address")
	flag.Parse()
	opts, err := redis.ParseURL(envOr("REDIS_URL", "redis://127.0.0.1:6379/0"))
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(opts)
	defer rdb.Close()
	srv := &http.Server{Addr: *addr, Handler: api.NewServer(rdb).Routes(), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	log.Printf("shopredis: listening on %s", *addr)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
