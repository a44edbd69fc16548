package genericmap

import (
	"net/http"
	"sync"
)

// A sharded generic map of this module, as gws's ConcurrentMap: Store
// takes the shard from a generic getter and writes its map. The write
// reaches the process-wide map through the getter's result.
type shard[K comparable, V any] struct {
	sync.Mutex
	m map[K]V
}

func (s *shard[K, V]) store(k K, v V) { s.m[k] = v } // want `pagesSeen.shards is written by handler for "/visit"`

type shardedMap[K comparable, V any] struct{ shards []*shard[K, V] }

func (c *shardedMap[K, V]) shardOf(k K) *shard[K, V] { return c.shards[0] }

func (c *shardedMap[K, V]) Store(k K, v V) {
	b := c.shardOf(k)
	b.Lock()
	b.store(k, v)
	b.Unlock()
}

var pagesSeen = &shardedMap[string, int]{shards: []*shard[string, int]{{m: map[string]int{}}}}

func visit(w http.ResponseWriter, r *http.Request) {
	pagesSeen.Store(r.URL.Path, 1)
}

// The same map made for one request: silent.
func visitOnce(w http.ResponseWriter, r *http.Request) {
	m := &shardedMap[string, int]{shards: []*shard[string, int]{{m: map[string]int{}}}}
	m.Store(r.URL.Path, 1)
}

func init() {
	http.HandleFunc("/visit", visit)
	http.HandleFunc("/visit/once", visitOnce)
}
