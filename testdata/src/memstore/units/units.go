// Package units writes state in the ways that used to make several
// findings for one thing to move: two handlers reaching one helper, a
// table written and read by several handlers, and a limiter whose own
// methods write several fields of it behind one call. Each is one finding
// per state and handler, naming the handler that creates the data.
package units

import (
	"net/http"
	"sync"
	"time"
)

type item struct{ Name string }

var (
	mu    sync.Mutex
	items = map[string]item{}
	tags  = map[string][]string{}
)

// apply is the one helper both item handlers reach: one finding, which
// names the handler that puts the item in, not the one that deletes it.
func apply(id string, it *item) {
	mu.Lock()
	defer mu.Unlock()
	if it == nil {
		delete(items, id)
		return
	}
	items[id] = *it // want `in-memory records table items is written by handler for "POST /items":`
}

func createItem(w http.ResponseWriter, r *http.Request) {
	apply(r.FormValue("id"), &item{Name: r.FormValue("name")})
}

func deleteItem(w http.ResponseWriter, r *http.Request) {
	apply(r.PathValue("id"), nil)
}

// Handlers that write the tags table directly are one finding each.
func addTag(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	id := r.FormValue("id")
	tags[id] = append(tags[id], r.FormValue("tag")) // want `tags is written by handler for "POST /tags":`
	tags[id] = append(tags[id], "recent")
	mu.Unlock()
}

func clearTags(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	delete(tags, r.PathValue("id")) // want `tags is written by handler for "DELETE /tags/{id}":`
	mu.Unlock()
}

// The readers of items: listed by the write finding, no finding of their
// own.
func getItem(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	it := items[r.PathValue("id")]
	mu.Unlock()
	w.Write([]byte(it.Name))
}

func listItems(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	for id := range items {
		w.Write([]byte(id + " " + items[id].Name))
	}
	mu.Unlock()
}

// counter is the limiter's store; localCounter keeps it in memory.
type counter interface {
	Incr(key string) int
}

type localCounter struct {
	mu     sync.Mutex
	window int64
	counts map[string]int
	prev   map[string]int
}

func (c *localCounter) Incr(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.evict()
	c.counts[key]++ // want `Limiter.counter.counts \(implemented in memory by \*localCounter\) \(with Limiter.counter.prev and Limiter.counter.window\) is written by handler for "/api/"`
	return c.counts[key] + c.prev[key]
}

func (c *localCounter) evict() {
	now := time.Now().Unix() / 60
	if now == c.window {
		return
	}
	c.prev = c.counts
	c.counts = map[string]int{}
	c.window = now
}

// Limiter is one piece of state to move, however many fields its
// counter keeps: one finding naming them.
type Limiter struct {
	counter counter
	next    http.Handler
}

func (l *Limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if l.counter.Incr(r.RemoteAddr) > 100 {
		http.Error(w, "slow down", http.StatusTooManyRequests)
		return
	}
	l.next.ServeHTTP(w, r)
}

func main() {
	http.HandleFunc("POST /items", createItem)
	http.HandleFunc("DELETE /items/{id}", deleteItem)
	http.HandleFunc("GET /items/{id}", getItem)
	http.HandleFunc("GET /items", listItems)
	http.HandleFunc("POST /tags", addTag)
	http.HandleFunc("DELETE /tags/{id}", clearTags)
	http.Handle("/api/", &Limiter{counter: &localCounter{counts: map[string]int{}, prev: map[string]int{}}, next: http.NotFoundHandler()})
	http.ListenAndServe(":8080", nil)
}
