// Package heldcache keeps page titles in a loading cache of a dependency
// behind that dependency's interface, filled from an HTTP fetch on a
// miss: the field holds an in-memory cache, which each replica fills on
// its own. The same interface holding the dependency's Redis cache is
// shared (the clean twin).
package heldcache

import (
	"io"
	"net/http"

	"github.com/go-pkgz/lcw/v2"
	"github.com/redis/go-redis/v9"
)

// Titles fetches page titles through a cache.
type Titles struct {
	cache  lcw.LoadingCache[string]
	client *http.Client
}

// NewTitles caches in this process.
func NewTitles() *Titles {
	c, _ := lcw.NewExpirableCache[string]()
	return &Titles{cache: c, client: http.DefaultClient}
}

// Get returns the title of url.
func (t *Titles) Get(url string) (string, error) {
	return t.cache.Get(url, func() (string, error) { // want `in-process cache titles.cache is written by handler for "GET /title"`
		return fetch(t.client, url)
	})
}

// SharedTitles fetches page titles through a cache in Redis.
type SharedTitles struct {
	cache  lcw.LoadingCache[string]
	client *http.Client
}

// NewSharedTitles caches in Redis.
func NewSharedTitles(rdb *redis.Client) *SharedTitles {
	c, _ := lcw.NewRedisCache[string](rdb)
	return &SharedTitles{cache: c, client: http.DefaultClient}
}

// Get returns the title of url.
func (t *SharedTitles) Get(url string) (string, error) {
	return t.cache.Get(url, func() (string, error) {
		return fetch(t.client, url)
	})
}

// fetch returns the page at url.
func fetch(client *http.Client, url string) (string, error) {
	resp, err := client.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

var (
	titles = NewTitles()
	shared = NewSharedTitles(redis.NewClient(&redis.Options{}))
)

func title(w http.ResponseWriter, r *http.Request) {
	t, _ := titles.Get(r.FormValue("url"))
	io.WriteString(w, t)
}

func sharedTitle(w http.ResponseWriter, r *http.Request) {
	t, _ := shared.Get(r.FormValue("url"))
	io.WriteString(w, t)
}

func init() {
	http.HandleFunc("GET /title", title)
	http.HandleFunc("GET /shared-title", sharedTitle)
}
