// Package registrysite keeps live sessions in a registry that its
// handler fills, or changes an entry of in place (upgrading a session's
// transport). The finding names the write that fills the registry, not
// the entry's change, though that one is nearer the handler. The per-request copy of a session changed the same way is
// silent (the clean twin).
package registrysite

import (
	"net/http"
	"sync"
)

// Session is one client's live session.
type Session struct {
	id        string
	transport string
	conn      http.ResponseWriter
}

// Manager holds the sessions of this process.
type Manager struct {
	mu       sync.Mutex
	sessions map[string]*Session
}

// Add registers s.
func (m *Manager) Add(s *Session) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[s.id] = s // want `in-memory session store sessions.sessions is written by handler for "/session"`
}

// Get returns the session of id.
func (m *Manager) Get(id string) (*Session, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[id]
	return s, ok
}

var sessions = &Manager{sessions: map[string]*Session{}}

func serve(w http.ResponseWriter, r *http.Request) {
	if s, ok := sessions.Get(r.FormValue("sid")); ok {
		s.transport = "websocket"
		s.conn = w
		return
	}
	sessions.Add(&Session{id: r.FormValue("sid"), transport: "polling", conn: w})
}

func probe(w http.ResponseWriter, r *http.Request) {
	s := Session{id: r.FormValue("sid")}
	s.transport = "websocket"
	_ = s
}

func init() {
	http.HandleFunc("/session", serve)
	http.HandleFunc("GET /probe", probe)
}
