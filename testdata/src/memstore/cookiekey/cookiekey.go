// Package cookiekey keeps tokens in a store of its own under the value it
// sets as the client's cookie, in a helper: a session store, whatever the
// key's provenance (a generator the configuration chooses). The same
// store keyed by what only the response body names is records.
package cookiekey

import (
	"net/http"
	"strings"
	"sync"
)

type memory struct {
	mu   sync.Mutex
	data map[string][]byte
}

// Set keeps a copy of the key: the store's own normal form of it.
func (m *memory) Set(key string, val []byte) {
	m.mu.Lock()
	m.data[strings.Clone(key)] = val // want `in-memory session store tokens.data is written by handler for "GET /form"`
	m.mu.Unlock()
}

var (
	tokens  = &memory{data: map[string][]byte{}}
	uploads = map[string][]byte{}
	mu      sync.Mutex
	marker  = []byte{1}
	newKey  = func() string { return "k" }
)

func remember(token string) { tokens.Set(token, marker) }

func setCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: "csrf_", Value: token})
}

func issue(w http.ResponseWriter, r *http.Request) {
	token := newKey()
	remember(token)
	setCookie(w, token)
}

func upload(w http.ResponseWriter, r *http.Request) {
	id := newKey()
	mu.Lock()
	uploads[id] = []byte(r.FormValue("body")) // want `in-memory records table uploads is written by handler for "POST /upload"`
	mu.Unlock()
	w.Write([]byte(id))
}

func init() {
	http.HandleFunc("GET /form", issue)
	http.HandleFunc("POST /upload", upload)
}
