// Package websocket is a stub of github.com/coder/websocket@v1.8.15 for statelint's tests: only the signatures the tests use.
package websocket

import (
	"context"
	"net/http"
)

type MessageType int

const (
	MessageText MessageType = iota + 1
	MessageBinary
)

type StatusCode int

const StatusNormalClosure StatusCode = 1000

type AcceptOptions struct {
	Subprotocols       []string
	InsecureSkipVerify bool
	OriginPatterns     []string
}

func Accept(w http.ResponseWriter, r *http.Request, opts *AcceptOptions) (*Conn, error) {
	return &Conn{}, nil
}

type Conn struct{}

func (c *Conn) Read(ctx context.Context) (MessageType, []byte, error)      { return 0, nil, nil }
func (c *Conn) Write(ctx context.Context, typ MessageType, p []byte) error { return nil }
func (c *Conn) Close(code StatusCode, reason string) (err error)           { return nil }
func (c *Conn) CloseNow() (err error)                                      { return nil }
