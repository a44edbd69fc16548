package gws

import "github.com/lxzan/gws"

// Echo answers each message on its own connection and keeps nothing.
type Echo struct {
	gws.BuiltinEventHandler
}

func (Echo) OnMessage(socket *gws.Conn, message *gws.Message) {
	defer message.Close()
	socket.WriteMessage(message.Opcode, message.Bytes())
}

func serveEcho() { gws.NewUpgrader(Echo{}, &gws.ServerOption{}) }
