// Package jobs is the clean twin of seeds/jobs: the job goes to a queue,
// its status to the database, and any replica answers the poll.
package jobs

import (
	"fmt"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

var (
	pool *pgxpool.Pool
	rdb  *redis.Client
)

func encode(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("video")
	pool.Exec(r.Context(), "INSERT INTO jobs (id, status) VALUES ($1, 'queued')", id)
	rdb.LPush(r.Context(), "encode", id)
	fmt.Fprint(w, id)
}

func status(w http.ResponseWriter, r *http.Request) {
	var s string
	pool.QueryRow(r.Context(), "SELECT status FROM jobs WHERE id = $1", r.FormValue("video")).Scan(&s)
	fmt.Fprint(w, s)
}

func main() {
	http.HandleFunc("POST /encode", encode)
	http.HandleFunc("GET /status", status)
	http.ListenAndServe(":8080", nil)
}
