// Package acceptloop serves a transport of its own, as socket.io's
// server serves engine.io's: a loop takes each client's connection from
// a method of whatever name that returns one, and hands it to a goroutine
// of its own, which handles that client as a handler does a request. The
// rooms of each namespace are tables inside the entries of the namespace
// table, and they keep connections: a connection registry, not records.
// Its twin, a client that reconnects in a loop and serves each
// connection inline, is no server.
package acceptloop

import (
	"net"
	"sync"
)

// Conn is one client's connection.
type Conn interface {
	ID() string
	RemoteAddr() net.Addr
	Close() error
}

type transport struct{ conns chan Conn }

// Accept waits for the next client.
func (t *transport) Accept() (Conn, error) { return <-t.conns, nil }

// Broadcast keeps the rooms of one namespace.
type Broadcast interface {
	Join(room string, c Conn)
}

type rooms struct {
	mu    sync.Mutex
	rooms map[string]map[string]Conn
}

func (r *rooms) Join(room string, c Conn) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.rooms[room]; !ok {
		r.rooms[room] = map[string]Conn{} // want `in-process connection registry Server.namespaces \(implemented in memory by \*rooms\) is written by accept loop in \(\*Server\).Serve`
	}
	r.rooms[room][c.ID()] = c
}

type namespace struct {
	broadcast Broadcast
	members   map[string]Conn
}

// Server serves the clients of its transport.
type Server struct {
	engine     *transport
	mu         sync.Mutex
	namespaces map[string]*namespace
}

// NewServer makes a server with the root namespace.
func NewServer() *Server {
	return &Server{
		engine:     &transport{conns: make(chan Conn)},
		namespaces: map[string]*namespace{"/": {broadcast: &rooms{rooms: map[string]map[string]Conn{}}, members: map[string]Conn{}}},
	}
}

// Serve accepts clients until the transport fails.
func (s *Server) Serve() error {
	for {
		conn, err := s.engine.Accept()
		if err != nil {
			return err
		}
		go s.serveConn(conn)
	}
}

func (s *Server) serveConn(c Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ns := s.namespaces["/"]
	ns.members[c.ID()] = c // want `in-process connection registry Server.namespaces is written by accept loop in \(\*Server\).Serve`
	ns.broadcast.Join(c.ID(), c)
	lobby["/"].add(c)
}

// lobby holds the namespaces of the lobby, each with its members.
var lobby = map[string]*namespace{"/": {members: map[string]Conn{}}}

func (ns *namespace) add(c Conn) {
	ns.members[c.ID()] = c // want `in-process connection registry lobby is written by accept loop in \(\*Server\).Serve`
}

// Client keeps the last connection it was handed by a reconnect loop.
type Client struct {
	dialer *transport
	seen   map[string]string
}

// Run reconnects and serves each connection inline.
func (c *Client) Run() {
	for {
		conn, err := c.dialer.Accept()
		if err != nil {
			return
		}
		c.seen[conn.ID()] = conn.RemoteAddr().String()
	}
}
