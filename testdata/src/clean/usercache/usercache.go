// Package usercache is the clean twin of seeds/usercache: the shared cache
// is Redis; a per-request memo is a local map.
package usercache

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

type User struct{ ID, Name string }

var (
	db  *sql.DB
	rdb *redis.Client
)

func getUser(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if b, err := rdb.Get(r.Context(), "user:"+id).Bytes(); err == nil {
		w.Write(b)
		return
	}
	var u User
	db.QueryRow("SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	b, _ := json.Marshal(u)
	rdb.Set(r.Context(), "user:"+id, b, 5*time.Minute)
	w.Write(b)
}

func batch(w http.ResponseWriter, r *http.Request) {
	memo := map[string]User{} // per request
	for _, id := range r.URL.Query()["id"] {
		if _, ok := memo[id]; !ok {
			memo[id] = User{ID: id}
		}
	}
	json.NewEncoder(w).Encode(memo)
}

func main() {
	http.HandleFunc("GET /user/{id}", getUser)
	http.HandleFunc("GET /users", batch)
	http.ListenAndServe(":8080", nil)
}
