// Package sessionlib is a session library: nothing here registers a
// handler, yet its exported API serves requests, since the handlers of
// the services that use it call it with their request and response
// writer. Its file and memory stores keep sessions on one replica; its
// cookie store does not. A function that only takes a request builds
// one for a client, and is no request path.
package sessionlib

import (
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// FileStore keeps sessions in files on this machine.
type FileStore struct{ dir string }

func (s *FileStore) Save(r *http.Request, w http.ResponseWriter, id string, data []byte) error {
	return os.WriteFile(filepath.Join(s.dir, id), data, 0o600) // want `handler \(\*FileStore\).Save writes a local file with os.WriteFile`
}

// MemStore keeps sessions in this process.
type MemStore struct {
	mu       sync.Mutex
	sessions map[string][]byte
}

func (m *MemStore) Save(r *http.Request, w http.ResponseWriter, id string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[id] = data // want `in-memory session store MemStore.sessions is written by handler \(\*MemStore\).Save`
	return nil
}

// CookieStore keeps the whole session in a cookie the client holds.
type CookieStore struct{ name string }

func (c *CookieStore) Save(r *http.Request, w http.ResponseWriter, id string, data []byte) error {
	http.SetCookie(w, &http.Cookie{Name: c.name, Value: string(data)})
	return nil
}

var signed int

// Sign marks an outgoing request: client code.
func Sign(req *http.Request) {
	signed++
	req.Header.Set("X-Signed", "1")
}

func NewFileStore(dir string) *FileStore { return &FileStore{dir: dir} }
func NewMemStore() *MemStore             { return &MemStore{sessions: map[string][]byte{}} }
