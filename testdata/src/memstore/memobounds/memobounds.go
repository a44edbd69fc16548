// Package memobounds keeps a memo of compiled patterns in bounds: past a
// size it clears the memo and resets the count. The memo, its eviction
// and its count are alike on every replica's behalf: silent. The same
// bounds around a cache of what a backend returned leave the cache a
// finding.
package memobounds

import (
	"io"
	"net/http"
	"regexp"
	"sync"
	"sync/atomic"
)

var (
	patterns     sync.Map
	patternCount atomic.Int64
)

func compiled(p string) *regexp.Regexp {
	if v, ok := patterns.Load(p); ok {
		return v.(*regexp.Regexp)
	}
	re, _ := regexp.Compile(p)
	patterns.Store(p, re)
	if patternCount.Add(1) >= 1024 {
		patterns.Clear()
		patternCount.Store(0)
	}
	return re
}

func match(w http.ResponseWriter, r *http.Request) {
	if re := compiled(r.FormValue("re")); re != nil && re.MatchString(r.FormValue("s")) {
		w.Write([]byte("yes"))
	}
}

var (
	pages     sync.Map
	pageCount atomic.Int64
)

func page(w http.ResponseWriter, r *http.Request) {
	if v, ok := pages.Load(r.URL.Path); ok {
		w.Write(v.([]byte))
		return
	}
	resp, err := http.Get("http://backend" + r.URL.Path)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	pages.Store(r.URL.Path, body) // want `in-process cache pages is written by handler for "GET /page/"`
	if pageCount.Add(1) >= 1024 {
		pages.Clear()
		pageCount.Store(0)
	}
	w.Write(body)
}

func init() {
	http.HandleFunc("GET /match", match)
	http.HandleFunc("GET /page/", page)
}
