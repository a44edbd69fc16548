// Package gws is a lxzan/gws chat service: gws calls the methods of its
// event handler for every connection and message, and what the handler
// keeps in memory is per replica. clean.go has the clean twin.
package gws

import (
	"net/http"
	"sync"

	"github.com/lxzan/gws"
)

// Chat is the event handler of the chat: one for the whole process.
type Chat struct {
	gws.BuiltinEventHandler
	mu       sync.Mutex
	sessions map[*gws.Conn]bool
}

func (c *Chat) OnOpen(socket *gws.Conn) {
	c.mu.Lock()
	c.sessions[socket] = true // want `in-process connection registry Chat.sessions is written by handler \(\*Chat\).OnOpen`
	c.mu.Unlock()
}

func (c *Chat) OnMessage(socket *gws.Conn, message *gws.Message) {
	defer message.Close()
	c.mu.Lock()
	defer c.mu.Unlock()
	for s := range c.sessions {
		s.WriteMessage(message.Opcode, message.Bytes())
	}
}

func serve() {
	chat := &Chat{sessions: map[*gws.Conn]bool{}}
	up := gws.NewUpgrader(chat, &gws.ServerOption{})
	http.HandleFunc("/connect", func(w http.ResponseWriter, r *http.Request) {
		socket, err := up.Upgrade(w, r)
		if err != nil {
			return
		}
		go socket.ReadLoop()
	})
}
