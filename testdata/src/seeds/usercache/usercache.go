// Package usercache is seed 002's caching example: a user profile cached in
// server memory with get-or-load (practice question Q4).
package usercache

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"sync"
)

type User struct{ ID, Name string }

var (
	db    *sql.DB
	mu    sync.RWMutex
	users = map[string]User{}
)

func loadUser(id string) User {
	var u User
	db.QueryRow("SELECT id, name FROM users WHERE id = $1", id).Scan(&u.ID, &u.Name)
	return u
}

func getUser(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	mu.RLock()
	u, ok := users[id]
	mu.RUnlock()
	if !ok {
		u = loadUser(id)
		mu.Lock()
		users[id] = u // want `in-process cache users is written by handler for "GET /user/{id}": each replica keeps its own copy.*use a shared cache such as Redis or Memcached`
		mu.Unlock()
	}
	json.NewEncoder(w).Encode(u)
}

var profiles sync.Map

func getProfile(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if p, ok := profiles.Load(id); ok {
		json.NewEncoder(w).Encode(p)
		return
	}
	p := loadUser(id)
	profiles.Store(id, p) // want `in-process cache profiles is written by handler for "GET /profile/{id}"`
	json.NewEncoder(w).Encode(p)
}

func main() {
	http.HandleFunc("GET /user/{id}", getUser)
	http.HandleFunc("GET /profile/{id}", getProfile)
	http.ListenAndServe(":8080", nil)
}

var thumbs = map[string][]byte{}

func fill(k string) { thumbs[k] = []byte(k) } // want `in-process cache thumbs is written by handler for "GET /thumb"`

// thumb fills the cache on a miss through a helper: a miss is not lazy
// initialisation.
func thumb(w http.ResponseWriter, r *http.Request) {
	k := r.FormValue("k")
	if _, ok := thumbs[k]; !ok {
		fill(k)
	}
	w.Write(thumbs[k])
}

func init() { http.HandleFunc("GET /thumb", thumb) }
