// Package caches uses every supported cache library as process-wide state
// written on request paths; each is an in-process cache whatever its name,
// except a go-cache used as a session store, which is a session store.
package caches

import (
	"context"
	"net/http"
	"time"

	"github.com/allegro/bigcache/v3"
	"github.com/coocood/freecache"
	"github.com/dgraph-io/ristretto/v2"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/hashicorp/golang-lru/v2/expirable"
	"github.com/jellydator/ttlcache/v3"
	gocache "github.com/patrickmn/go-cache"
)

var (
	pages, _  = lru.New[string, []byte](128)
	recent    = expirable.NewLRU[string, int](64, nil, time.Minute)
	sessions  = gocache.New(time.Hour, time.Minute)
	scores, _ = ristretto.NewCache(&ristretto.Config[string, int]{})
	blobs, _  = bigcache.New(context.Background(), bigcache.DefaultConfig(time.Minute))
	fragments = freecache.NewCache(1 << 20)
	quotes    = ttlcache.New[string, string]()
)

func handle(w http.ResponseWriter, r *http.Request) {
	k := r.URL.Path
	pages.Add(k, nil)                       // want `in-process cache pages is written by handler for "/"`
	recent.Add(k, 1)                        // want `in-process cache recent is written by handler for "/"`
	sessions.Set(k, "user", 0)              // want `in-memory session store sessions is written by handler for "/"`
	scores.Set(k, 1, 1)                     // want `in-process cache scores is written by handler for "/"`
	blobs.Set(k, nil)                       // want `in-process cache blobs is written by handler for "/"`
	fragments.Set([]byte(k), nil, 60)       // want `in-process cache fragments is written by handler for "/"`
	quotes.Set(k, "q", ttlcache.DefaultTTL) // want `in-process cache quotes is written by handler for "/"`
}

func main() { http.HandleFunc("/", handle) }
