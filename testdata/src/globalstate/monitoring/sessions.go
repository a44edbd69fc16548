package monitoring

import (
	"net"
	"sync/atomic"
)

// smtpServer counts its open sessions up in its accept loop and back down
// when the session a literal of the loop runs ends (mailpit's
// openSessions): a gauge of this replica's connections, silent. served
// only goes up: a count of every connection, reported.
type smtpServer struct {
	open   atomic.Int32
	served atomic.Int64
}

type smtpSession struct {
	srv  *smtpServer
	conn net.Conn
}

func (srv *smtpServer) newSession(c net.Conn) *smtpSession {
	return &smtpSession{srv: srv, conn: c}
}

func (srv *smtpServer) serve(l net.Listener) error {
	for {
		conn, err := l.Accept()
		if err != nil {
			return err
		}
		s := srv.newSession(conn)
		srv.open.Add(1)
		srv.served.Add(1) // want `in-process counter smtpServer.served is written by accept loop in \(\*smtpServer\).serve`
		go func() {
			s.run()
		}()
	}
}

func (s *smtpSession) run() {
	defer s.srv.open.Add(-1)
	s.conn.Write([]byte("220 ready\r\n"))
}

func listenSMTP() {
	l, _ := net.Listen("tcp", ":2525")
	go (&smtpServer{}).serve(l)
}
