// Package locktable keeps per-key locks of uploads in memory, taken and
// released by handlers (tusd's memory locker, fiber's idempotency lock).
// An upload locked on one replica is not locked on another: a table of
// who holds what, records, and never a cache that may miss, although the
// handler looks the key up before it stores a lock. Its twin, a table of
// sessions that each carry their own mutex, holds data and is still a
// session store; and a lookup-then-fill of rows is still a cache.
package locktable

import (
	"database/sql"
	"net/http"
	"sync"
)

type lockEntry struct {
	released chan struct{}
	onAsk    func()
}

type countedLock struct {
	mu      sync.Mutex
	waiters int
}

var (
	mu      sync.Mutex
	locks   = map[string]lockEntry{}
	counted = map[string]*countedLock{}
)

func lock(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	mu.Lock()
	defer mu.Unlock()
	if _, held := locks[id]; held {
		http.Error(w, "locked", http.StatusLocked)
		return
	}
	locks[id] = lockEntry{released: make(chan struct{}), onAsk: func() {}} // want `in-memory records table locks is written by handler for "POST /lock"`
}

func unlock(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	mu.Lock()
	defer mu.Unlock()
	if e, ok := locks[id]; ok {
		close(e.released)
		delete(locks, id) // want `in-memory records table locks is written by handler for "POST /unlock"`
	}
}

func idempotent(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	mu.Lock()
	l, ok := counted[key]
	if !ok {
		l = new(countedLock)
		counted[key] = l // want `in-memory records table counted is written by handler for "POST /pay"`
	}
	l.waiters++
	mu.Unlock()
	l.mu.Lock()
	defer l.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// scoped holds a lock per URL, made on first use and kept as a
// sync.Locker: a lock table like the others, not a cache that may miss.
var scoped = map[string]sync.Locker{}

func vote(w http.ResponseWriter, r *http.Request) {
	url := r.FormValue("url")
	mu.Lock()
	l, ok := scoped[url]
	if !ok {
		l = &sync.Mutex{}
		scoped[url] = l // want `in-memory records table scoped is written by handler for "PUT /vote"`
	}
	mu.Unlock()
	l.Lock()
	defer l.Unlock()
	w.WriteHeader(http.StatusOK)
}

type session struct {
	mu   sync.Mutex
	user string
}

var sessions = map[string]*session{}

func login(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("sid")
	if err != nil {
		return
	}
	mu.Lock()
	defer mu.Unlock()
	if _, ok := sessions[c.Value]; !ok {
		sessions[c.Value] = &session{user: r.FormValue("user")} // want `in-memory session store sessions is written by handler for "POST /login"`
	}
}

var (
	db   *sql.DB
	rows = map[string]string{}
)

func item(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	mu.Lock()
	defer mu.Unlock()
	v, ok := rows[id]
	if !ok {
		db.QueryRow("SELECT name FROM items WHERE id = $1", id).Scan(&v)
		rows[id] = v // want `in-process cache rows is written by handler for "GET /item"`
	}
	w.Write([]byte(v))
}

func init() {
	http.HandleFunc("POST /lock", lock)
	http.HandleFunc("POST /unlock", unlock)
	http.HandleFunc("POST /pay", idempotent)
	http.HandleFunc("PUT /vote", vote)
	http.HandleFunc("POST /login", login)
	http.HandleFunc("GET /item", item)
}
