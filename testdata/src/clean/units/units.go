// Package units is the clean twin of memstore/units: the item and tag
// tables live in Postgres and the limiter counts in Redis, behind the
// same handlers, helpers and interface.
package units

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/go-redis/redis/v8"
)

var db *sql.DB

func apply(ctx context.Context, id string, name *string) {
	if name == nil {
		db.ExecContext(ctx, "DELETE FROM items WHERE id = $1", id)
		return
	}
	db.ExecContext(ctx, "INSERT INTO items (id, name) VALUES ($1, $2)", id, *name)
}

func createItem(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	apply(r.Context(), r.FormValue("id"), &name)
}

func deleteItem(w http.ResponseWriter, r *http.Request) {
	apply(r.Context(), r.PathValue("id"), nil)
}

func getItem(w http.ResponseWriter, r *http.Request) {
	var name string
	db.QueryRowContext(r.Context(), "SELECT name FROM items WHERE id = $1", r.PathValue("id")).Scan(&name)
	w.Write([]byte(name))
}

type counter interface {
	Incr(ctx context.Context, key string) int
}

type redisCounter struct{ rdb *redis.Client }

func (c *redisCounter) Incr(ctx context.Context, key string) int {
	n, _ := c.rdb.Incr(ctx, "rate:"+key).Result()
	return int(n)
}

type Limiter struct {
	counter counter
	next    http.Handler
}

func (l *Limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if l.counter.Incr(r.Context(), r.RemoteAddr) > 100 {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	l.next.ServeHTTP(w, r)
}

func main() {
	db, _ = sql.Open("postgres", "postgres://db/app")
	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
	http.HandleFunc("POST /items", createItem)
	http.HandleFunc("DELETE /items/{id}", deleteItem)
	http.HandleFunc("GET /items/{id}", getItem)
	http.Handle("/api/", &Limiter{counter: &redisCounter{rdb: rdb}, next: http.NotFoundHandler()})
	http.ListenAndServe(":8080", nil)
}
