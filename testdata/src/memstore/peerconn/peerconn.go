// Package peerconn keeps each client's transport, a connection of its own
// by its methods (RemoteAddr() net.Addr) that no table names: the map is a
// registry of live connections, whatever it is called. Its twin keeps only
// who the client is: a session store.
package peerconn

import (
	"io"
	"net"
	"net/http"
	"sync"
)

// Transport is a polling or websocket transport of one client.
type Transport interface {
	io.ReadWriteCloser
	RemoteAddr() net.Addr
}

type session struct {
	id   string
	conn Transport
}

type pollTransport struct {
	w http.ResponseWriter
	r *http.Request
}

func (p *pollTransport) Read(b []byte) (int, error)  { return p.r.Body.Read(b) }
func (p *pollTransport) Write(b []byte) (int, error) { return p.w.Write(b) }
func (p *pollTransport) Close() error                { return nil }
func (p *pollTransport) RemoteAddr() net.Addr        { return nil }

var (
	mu       sync.Mutex
	sessions = map[string]*session{}
	logins   = map[string]string{}
)

func connect(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("sid")
	mu.Lock()
	sessions[id] = &session{id: id, conn: &pollTransport{w: w, r: r}} // want `in-process connection registry sessions is written by handler for "GET /socket.io/"`
	mu.Unlock()
}

func login(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("sid")
	if err != nil {
		return
	}
	mu.Lock()
	logins[c.Value] = r.FormValue("user") // want `in-memory session store logins is written by handler for "POST /login"`
	mu.Unlock()
}

func init() {
	http.HandleFunc("GET /socket.io/", connect)
	http.HandleFunc("POST /login", login)
}
