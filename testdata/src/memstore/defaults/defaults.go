// Package defaults keeps named file systems, and fills the default one in
// when a lookup misses it (caddy's FileSystemMap.Get). Every replica fills
// the same default under the same key: the lookup answers the same either
// way, so the fill is not state. Storing what a request brings, or a
// constant with no lookup to answer, is.
package defaults

import (
	"io/fs"
	"net/http"
	"os"
	"sync"
)

const defaultKey = "default"

var defaultFS fs.FS = os.DirFS(".")

type fsMap struct{ m sync.Map }

func (f *fsMap) get(k string) (fs.FS, bool) {
	c, ok := f.m.Load(k)
	if !ok {
		if k == defaultKey {
			f.m.Store(k, defaultFS)
			return defaultFS, true
		}
		return nil, false
	}
	return c.(fs.FS), true
}

// remember fills a miss with what the request names: the map grows with
// requests, differently on every replica.
func (f *fsMap) remember(k, dir string) fs.FS {
	c, ok := f.m.Load(k)
	if !ok {
		c = os.DirFS(dir)
		f.m.Store(k, c) // want `in-process cache server.fss.m is written by handler for "/remember"`
	}
	return c.(fs.FS)
}

var (
	labels = map[string]string{}
	flags  = map[string]bool{}
)

// label fills a missing label with a constant: the same everywhere.
func label(k string) string {
	if l, ok := labels[k]; ok {
		return l
	}
	if k == "" {
		labels[k] = "none"
	}
	return "none"
}

type server struct{ fss *fsMap }

func (s *server) open(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.fss.get(r.URL.Query().Get("fs")); !ok {
		http.NotFound(w, r)
	}
	w.Write([]byte(label(r.URL.Query().Get("label"))))
}

func (s *server) remember(w http.ResponseWriter, r *http.Request) {
	s.fss.remember(r.URL.Query().Get("fs"), r.URL.Query().Get("dir"))
}

// maintenance sets a flag with no lookup to answer: one replica goes into
// maintenance, the others do not.
func maintenance(w http.ResponseWriter, r *http.Request) {
	flags["maintenance"] = true // want `in-memory records table flags is written by handler for "/maintenance"`
}

func main() {
	s := &server{fss: &fsMap{}}
	http.HandleFunc("/open", s.open)
	http.HandleFunc("/remember", s.remember)
	http.HandleFunc("/maintenance", maintenance)
}
