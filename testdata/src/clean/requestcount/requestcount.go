// Package requestcount is the clean twin of seeds/requestcount: the count
// and the balance live in Redis and Postgres, IDs come from the database.
package requestcount

import (
	"context"
	"fmt"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

var (
	rdb  *redis.Client
	pool *pgxpool.Pool
)

func data(w http.ResponseWriter, r *http.Request) {
	n := rdb.Incr(r.Context(), "request_count").Val()
	fmt.Fprint(w, n)
}

// UpdateBalance updates the balance in a transaction-safe statement.
func UpdateBalance(ctx context.Context, user string, amount int) error {
	_, err := pool.Exec(ctx, "UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, user)
	return err
}

func deposit(w http.ResponseWriter, r *http.Request) {
	UpdateBalance(r.Context(), r.FormValue("user"), 500)
}

// AddBalance is seed 001's stateless function: a pure computation.
func AddBalance(user string, amount int) int { return amount + 1000 }

func main() {
	rdb = redis.NewClient(&redis.Options{Addr: "redis:6379"})
	pool, _ = pgxpool.New(context.Background(), "postgres://db")
	http.HandleFunc("GET /api/data", data)
	http.HandleFunc("POST /deposit", deposit)
	http.ListenAndServe(":8080", nil)
}
