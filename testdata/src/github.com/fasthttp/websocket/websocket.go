// Package websocket is a stub of github.com/fasthttp/websocket@v1.5.8 for statelint's tests: only the signatures the tests use.
package websocket

import "github.com/valyala/fasthttp"

const (
	TextMessage   = 1
	BinaryMessage = 2
)

type Conn struct{}

func (c *Conn) Close() error                                        { return nil }
func (c *Conn) WriteMessage(messageType int, data []byte) error     { return nil }
func (c *Conn) ReadMessage() (messageType int, p []byte, err error) { return 0, nil, nil }
func (c *Conn) WriteJSON(v interface{}) error                       { return nil }
func (c *Conn) ReadJSON(v interface{}) error                        { return nil }

type FastHTTPHandler func(*Conn)

type FastHTTPUpgrader struct {
	ReadBufferSize, WriteBufferSize int

	CheckOrigin func(ctx *fasthttp.RequestCtx) bool
}

// Upgrade hijacks the connection and runs handler with it once the
// response has been sent.
func (u *FastHTTPUpgrader) Upgrade(ctx *fasthttp.RequestCtx, handler FastHTTPHandler) error {
	return nil
}
