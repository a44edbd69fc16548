// Package gws is a stub of github.com/lxzan/gws@v1.8.9 for statelint's tests: only the signatures the tests use.
package gws

import "net/http"

type Opcode uint8

const OpcodeText Opcode = 0x1

type Conn struct{}

type Message struct{ Opcode Opcode }

func (m *Message) Bytes() []byte { return nil }
func (m *Message) Close() error  { return nil }

type Event interface {
	OnOpen(socket *Conn)
	OnClose(socket *Conn, err error)
	OnPing(socket *Conn, payload []byte)
	OnPong(socket *Conn, payload []byte)
	OnMessage(socket *Conn, message *Message)
}

type BuiltinEventHandler struct{}

func (b BuiltinEventHandler) OnOpen(socket *Conn)                      {}
func (b BuiltinEventHandler) OnClose(socket *Conn, err error)          {}
func (b BuiltinEventHandler) OnPing(socket *Conn, payload []byte)      {}
func (b BuiltinEventHandler) OnPong(socket *Conn, payload []byte)      {}
func (b BuiltinEventHandler) OnMessage(socket *Conn, message *Message) {}

type ServerOption struct{}

type Upgrader struct{}

func NewUpgrader(eventHandler Event, option *ServerOption) *Upgrader { return &Upgrader{} }

func (c *Upgrader) Upgrade(w http.ResponseWriter, r *http.Request) (*Conn, error) {
	return &Conn{}, nil
}
func (c *Conn) ReadLoop()                                        {}
func (c *Conn) WriteMessage(opcode Opcode, payload []byte) error { return nil }
