package gobwas

import (
	"net/http"

	"github.com/gobwas/ws"
	"github.com/gobwas/ws/wsutil"
)

// The clean twin: an echo server that keeps nothing beyond its own
// connection.
func echo(w http.ResponseWriter, r *http.Request) {
	conn, _, _, err := ws.UpgradeHTTP(r, w)
	if err != nil {
		return
	}
	go func() {
		defer conn.Close()
		for {
			msg, op, err := wsutil.ReadClientData(conn)
			if err != nil {
				return
			}
			wsutil.WriteServerMessage(conn, op, msg)
		}
	}()
}

func cleanServe() {
	http.HandleFunc("/echo", echo)
}
