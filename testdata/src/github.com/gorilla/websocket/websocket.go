// Package websocket is a stub of github.com/gorilla/websocket@v1.5.3 for statelint's tests: only the signatures the tests use.
package websocket

import (
	"net"
	"net/http"
	"time"
)

const (
	TextMessage   = 1
	BinaryMessage = 2
	CloseMessage  = 8
)

type Upgrader struct {
	HandshakeTimeout time.Duration

	ReadBufferSize, WriteBufferSize int

	Subprotocols []string

	Error func(w http.ResponseWriter, r *http.Request, status int, reason error)

	CheckOrigin func(r *http.Request) bool

	EnableCompression bool
}

func (u *Upgrader) Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header) (*Conn, error) {
	return &Conn{}, nil
}

type Conn struct{}

func (c *Conn) Close() error                                        { return nil }
func (c *Conn) RemoteAddr() net.Addr                                { return nil }
func (c *Conn) WriteMessage(messageType int, data []byte) error     { return nil }
func (c *Conn) ReadMessage() (messageType int, p []byte, err error) { return 0, nil, nil }
func (c *Conn) WriteJSON(v interface{}) error                       { return nil }
func (c *Conn) ReadJSON(v interface{}) error                        { return nil }
