// Package lazycache remembers which comments have replies in a loading
// cache of a dependency, made on first use (sync.Once) behind that
// dependency's interface, embedded in a field: the presence of a key
// says what a database query found, so each replica's copy goes stale on
// its own. The same cache made in Redis is shared (the clean twin).
package lazycache

import (
	"database/sql"
	"net/http"
	"sync"

	"github.com/go-pkgz/lcw/v2"
	"github.com/redis/go-redis/v9"
)

// Store reads comments from a database.
type Store struct {
	db      *sql.DB
	replies struct {
		lcw.LoadingCache[struct{}]
		once sync.Once
	}
}

// HasReplies reports whether comment id has replies.
func (s *Store) HasReplies(id string) bool {
	s.replies.once.Do(func() {
		s.replies.LoadingCache, _ = lcw.NewExpirableCache[struct{}]()
	})
	if _, found := s.replies.Peek(id); found {
		return true
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM comments WHERE parent = $1", id).Scan(&n); err != nil || n == 0 {
		return false
	}
	_, _ = s.replies.Get(id, func() (struct{}, error) { return struct{}{}, nil }) // want `in-process cache store.replies is written by handler for "GET /replies"`
	return true
}

// SharedStore remembers the same in Redis.
type SharedStore struct {
	db      *sql.DB
	rdb     *redis.Client
	replies struct {
		lcw.LoadingCache[struct{}]
		once sync.Once
	}
}

// HasReplies reports whether comment id has replies.
func (s *SharedStore) HasReplies(id string) bool {
	s.replies.once.Do(func() {
		s.replies.LoadingCache, _ = lcw.NewRedisCache[struct{}](s.rdb)
	})
	if _, found := s.replies.Peek(id); found {
		return true
	}
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM comments WHERE parent = $1", id).Scan(&n); err != nil || n == 0 {
		return false
	}
	_, _ = s.replies.Get(id, func() (struct{}, error) { return struct{}{}, nil })
	return true
}

var (
	store  = &Store{}
	shared = &SharedStore{rdb: redis.NewClient(&redis.Options{})}
)

func replies(w http.ResponseWriter, r *http.Request) {
	if store.HasReplies(r.FormValue("id")) {
		w.WriteHeader(http.StatusConflict)
	}
}

func sharedReplies(w http.ResponseWriter, r *http.Request) {
	if shared.HasReplies(r.FormValue("id")) {
		w.WriteHeader(http.StatusConflict)
	}
}

func init() {
	http.HandleFunc("GET /replies", replies)
	http.HandleFunc("GET /shared-replies", sharedReplies)
}
