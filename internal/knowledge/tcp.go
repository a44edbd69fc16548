package knowledge

// netTCP is a server of its own protocol on a raw listener (SMTP, POP3,
// a game or chat protocol): each accepted connection is one client's
// session, and behind a TCP load balancer the next client, or the same
// one reconnecting, reaches another replica. The rest of the accept loop
// (the goroutine it starts for the connection) handles the connection as
// a handler does a request.
var netTCP = Framework{
	Name: "net",
	Receives: []string{
		"net.Listener.Accept",
		"net.TCPListener.Accept", "net.TCPListener.AcceptTCP",
		"net.UnixListener.Accept", "net.UnixListener.AcceptUnix",
	},
}
