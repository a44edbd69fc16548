// Package redisbank keeps credits in Redis behind an in-process mutex,
// next to its clean twins: a WATCH transaction and a Lua script.
package redisbank

import (
	"net/http"
	"strconv"
	"sync"

	"github.com/redis/go-redis/v9"
)

var (
	rdb  = redis.NewClient(&redis.Options{})
	mu   sync.Mutex
	hits = map[string]int{}
)

func spend(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	key := "credits:" + r.FormValue("user")
	mu.Lock() // want `in-process lock mu is held by handler spend around a read and a dependent write of Redis`
	defer mu.Unlock()
	n, _ := rdb.Get(ctx, key).Int()
	if n <= 0 {
		http.Error(w, "no credits", http.StatusPaymentRequired)
		return
	}
	rdb.Set(ctx, key, strconv.Itoa(n-1), 0)
}

// spendWatch runs the read and the write in a WATCH transaction: clean.
func spendWatch(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	key := "credits:" + r.FormValue("user")
	mu.Lock()
	defer mu.Unlock()
	rdb.Watch(ctx, func(tx *redis.Tx) error {
		n, _ := tx.Get(ctx, key).Int()
		_, err := tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.Set(ctx, key, strconv.Itoa(n-1), 0)
			return nil
		})
		return err
	}, key)
}

// spendWatchedHere reads and writes with the Watch call in the region:
// clean, since Watch is the store-side form.
func spendWatchedHere(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	key := "credits:" + r.FormValue("user")
	mu.Lock()
	defer mu.Unlock()
	n, _ := rdb.Get(ctx, key).Int()
	rdb.Watch(ctx, func(tx *redis.Tx) error { return nil }, key)
	rdb.Set(ctx, key, strconv.Itoa(n-1), 0)
}

const decrIfPositive = `if tonumber(redis.call("GET", KEYS[1])) > 0 then return redis.call("DECR", KEYS[1]) end return -1`

// spendScript lets a Lua script check and decrement atomically: clean.
func spendScript(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	key := "credits:" + r.FormValue("user")
	mu.Lock()
	defer mu.Unlock()
	n, _ := rdb.Get(ctx, key).Int()
	if n <= 0 {
		return
	}
	rdb.Eval(ctx, decrIfPositive, []string{key})
}

// count guards in-memory data only: clean here (a memstore concern).
func count(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	hits[r.URL.Path]++
	mu.Unlock()
}
