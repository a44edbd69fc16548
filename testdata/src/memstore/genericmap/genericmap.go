// Package genericmap keeps state in a dependency's generic concurrent map
// (xsync.MapOf), whose methods have no summaries: the map is modelled by
// its shape, a generic type with Store and Load.
package genericmap

import (
	"net/http"

	"github.com/puzpuzpuz/xsync/v3"
)

type session struct{ user string }

var (
	sessions = xsync.NewMapOf[string, *session]()
	// Filled at startup, read on requests: not state.
	routes = xsync.NewMapOf[string, string]()
	// A pool of buffers, not a map.
	buffers = &xsync.Pool[[]byte]{}
)

func init() {
	routes.Store("/", "index")
}

func login(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("sid")
	sessions.Store(c.Value, &session{user: r.FormValue("user")}) // want `in-memory session store sessions is written by handler for "/login"`
}

func route(w http.ResponseWriter, r *http.Request) {
	name, _ := routes.Load(r.URL.Path)
	buf := append(buffers.Get()[:0], name...)
	w.Write(buf)
	buffers.Put(buf)
}

// perRequest builds a map for one request only.
func perRequest(w http.ResponseWriter, r *http.Request) {
	seen := xsync.NewMapOf[string, bool]()
	seen.Store(r.URL.Path, true)
}

func main() {
	http.HandleFunc("/login", login)
	http.HandleFunc("/route", route)
	http.HandleFunc("/once", perRequest)
}
