// Package connect is a stub of connectrpc.com/connect@v1.21.1 for statelint's tests: only the signatures the tests use.
package connect

import (
	"context"
	"net/http"
)

const IsAtLeastVersion1_13_0 = true

type Code uint32

const CodeUnimplemented Code = 12

type Error struct {
	code Code
	err  error
}

func (e *Error) Error() string { return e.err.Error() }

func NewError(c Code, underlying error) *Error { return &Error{c, underlying} }

type Peer struct {
	Addr     string
	Protocol string
}

type Request[T any] struct {
	Msg *T

	peer   Peer
	header http.Header
}

func NewRequest[T any](message *T) *Request[T] {
	return &Request[T]{Msg: message, header: http.Header{}}
}

func (r *Request[_]) Header() http.Header { return r.header }
func (r *Request[_]) Peer() Peer          { return r.peer }

type Response[T any] struct {
	Msg *T

	header http.Header
}

func NewResponse[T any](message *T) *Response[T] {
	return &Response[T]{Msg: message, header: http.Header{}}
}

func (r *Response[_]) Header() http.Header { return r.header }

type HandlerOption interface {
	applyToHandler(*handlerConfig)
}

type handlerConfig struct{}

type Handler struct{}

func NewUnaryHandler[Req, Res any](
	procedure string,
	unary func(context.Context, *Request[Req]) (*Response[Res], error),
	options ...HandlerOption,
) *Handler {
	return &Handler{}
}

type ServerStream[Res any] struct {
	conn any
}

func (s *ServerStream[Res]) Send(msg *Res) error { return nil }

func NewServerStreamHandler[Req, Res any](
	procedure string,
	implementation func(context.Context, *Request[Req], *ServerStream[Res]) error,
	options ...HandlerOption,
) *Handler {
	return &Handler{}
}

func (h *Handler) ServeHTTP(responseWriter http.ResponseWriter, request *http.Request) {}
