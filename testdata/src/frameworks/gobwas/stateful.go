// Package gobwas is a gobwas/ws chat server: the request is upgraded in a
// plain handler, whose goroutine reads the connection in a loop and
// writes to process memory. clean.go has the clean twin.
package gobwas

import (
	"net"
	"net/http"
	"sync"

	"github.com/gobwas/ws"
	"github.com/gobwas/ws/wsutil"
)

var (
	mu sync.Mutex
	// (1) The live connections: a broadcast reaches only this replica's.
	conns = map[net.Conn]bool{}
	// (2) The chat history, appended by the read loop.
	history []string
)

func chat(w http.ResponseWriter, r *http.Request) {
	conn, _, _, err := ws.UpgradeHTTP(r, w)
	if err != nil {
		return
	}
	go func() {
		defer conn.Close()
		mu.Lock()
		conns[conn] = true // want `in-process connection registry conns is written by handler for "/chat"`
		mu.Unlock()
		for {
			msg, op, err := wsutil.ReadClientData(conn)
			if err != nil {
				return
			}
			mu.Lock()
			history = append(history, string(msg)) // want `history is written by handler for "/chat"`
			for c := range conns {
				wsutil.WriteServerMessage(c, op, msg)
			}
			mu.Unlock()
		}
	}()
}

func serve() {
	http.HandleFunc("/chat", chat)
}
