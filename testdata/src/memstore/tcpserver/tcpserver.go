// Package tcpserver is a server of its own line protocol: each accepted
// connection is one client's session, and the next may reach another
// replica behind a TCP load balancer.
package tcpserver

import (
	"bufio"
	"net"
	"strings"
	"sync"
)

// Server keeps the mailboxes every session delivers to.
type Server struct {
	listener net.Listener
	notify   chan error
	mu       sync.Mutex
	boxes    map[string][]string
	wg       sync.WaitGroup
}

// New makes a server on l.
func New(l net.Listener) *Server {
	return &Server{listener: l, notify: make(chan error, 1), boxes: map[string][]string{}}
}

// Serve accepts connections until the listener fails; the failure is
// reported once, which is not a connection's work.
func (s *Server) Serve() {
	for {
		conn, err := s.listener.Accept()
		if err != nil {
			s.notify <- err
			close(s.notify)
			return
		}
		s.wg.Add(1)
		go s.startSession(conn)
	}
}

// session is made per connection around the long-lived server.
type session struct {
	*Server
	conn net.Conn
	to   string
}

func newSession(s *Server, conn net.Conn) *session {
	return &session{Server: s, conn: conn}
}

func (s *Server) startSession(conn net.Conn) {
	defer s.wg.Done()
	defer conn.Close()
	ssn := newSession(s, conn)
	r := bufio.NewScanner(conn)
	for r.Scan() {
		ssn.handle(r.Text())
	}
}

func (ssn *session) handle(line string) {
	cmd, arg, _ := strings.Cut(line, " ")
	switch cmd {
	case "RCPT":
		ssn.to = arg // the session's own field: gone with the connection
	case "DATA":
		ssn.mu.Lock()
		ssn.boxes[ssn.to] = append(ssn.boxes[ssn.to], arg) // want `in-memory records table Server.boxes is written by accept loop in \(\*Server\).Serve: records created on one replica are missing on the others`
		ssn.mu.Unlock()
	}
}

// Echo is the clean twin: each connection's data lives and dies with it.
func Echo(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			return
		}
		go func(c net.Conn) {
			defer c.Close()
			seen := map[string]int{}
			r := bufio.NewScanner(c)
			for r.Scan() {
				seen[r.Text()]++
				c.Write([]byte(r.Text() + "\n"))
			}
		}(conn)
	}
}
