package knowledge

// Websocket libraries: their connections, and the calls that upgrade a
// request to one. A package-level or long-lived map, slice or set of such
// connections is a connection registry: a broadcast over it reaches only
// the clients of this replica.
var (
	gorillaWebsocket = Framework{
		Name:      "gorilla/websocket",
		ConnTypes: []string{"github.com/gorilla/websocket.Conn"},
		Conns:     []ConnSource{{"github.com/gorilla/websocket.Conn", "github.com/gorilla/websocket.Upgrader.Upgrade", -1}},
	}
	coderWebsocket = Framework{
		Name:      "coder/websocket",
		ConnTypes: []string{"github.com/coder/websocket.Conn", "nhooyr.io/websocket.Conn"},
		Conns: []ConnSource{
			{"github.com/coder/websocket.Conn", "github.com/coder/websocket.Accept", -1},
			{"nhooyr.io/websocket.Conn", "nhooyr.io/websocket.Accept", -1}, // coder/websocket's former path
		},
	}
	xnetWebsocket = Framework{
		Name:      "x/net/websocket",
		ConnTypes: []string{"golang.org/x/net/websocket.Conn"},
		Conns:     []ConnSource{{"golang.org/x/net/websocket.Conn", "golang.org/x/net/websocket.Handler", 0}}, // a conversion: websocket.Handler(fn)
	}
	// gobwas/ws upgrades a request in a plain handler and yields the
	// net.Conn it reads and writes frames on.
	gobwasWS = Framework{
		Name:      "gobwas/ws",
		ConnTypes: []string{"net.Conn"},
		Conns: []ConnSource{
			{"net.Conn", "github.com/gobwas/ws.UpgradeHTTP", -1},
			{"net.Conn", "github.com/gobwas/ws.HTTPUpgrader.Upgrade", -1},
		},
	}
)
