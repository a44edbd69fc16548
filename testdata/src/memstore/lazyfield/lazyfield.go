// Package lazyfield makes its caches on first use, on the request path:
// if s.cache == nil { s.cache = lcw.NewExpirableCache() }. Making the
// empty cache is what every replica does alike, and is not reported; what
// requests then keep in it is. (globalstate/lazyowner has a field set
// the same way from the first request, which is state.)
package lazyfield

import (
	"net/http"

	"github.com/go-pkgz/lcw/v2"
)

// Titles fetches page titles through a cache made on first use.
type Titles struct {
	cache lcw.LoadingCache[string]
	byPtr *lcw.ExpirableCache[string]
}

// Title is cached behind the cache's interface.
func (t *Titles) Title(url string) string {
	if t.cache == nil {
		t.cache, _ = lcw.NewExpirableCache[string]()
	}
	v, _ := t.cache.Get(url, func() (string, error) { return fetch(url) }) // want `in-process cache titles.cache is written by handler for "/title"`
	return v
}

// Title2 is cached in the concrete cache.
func (t *Titles) Title2(url string) string {
	if t.byPtr == nil {
		t.byPtr, _ = lcw.NewExpirableCache[string]()
	}
	v, _ := t.byPtr.Get(url, func() (string, error) { return fetch(url) }) // want `in-process cache titles.byPtr.items is written by handler for "/title2"`
	return v
}

func fetch(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	return resp.Status, nil
}

var titles = &Titles{}

func title(w http.ResponseWriter, r *http.Request)  { titles.Title(r.FormValue("url")) }
func title2(w http.ResponseWriter, r *http.Request) { titles.Title2(r.FormValue("url")) }

func init() {
	http.HandleFunc("/title", title)
	http.HandleFunc("/title2", title2)
}
