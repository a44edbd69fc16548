// Package fasthttp is a stub of github.com/valyala/fasthttp@v1.77.0 for statelint's tests: only the signatures the tests use.
package fasthttp

import (
	"mime/multipart"
	"net"
	"time"
)

type RequestHandler func(ctx *RequestCtx)

func ListenAndServe(addr string, handler RequestHandler) error { return nil }

type Server struct {
	Handler RequestHandler
	Name    string
}

func (s *Server) ListenAndServe(addr string) error { return nil }

type RequestHeader struct{}

func (h *RequestHeader) Cookie(key string) []byte { return nil }
func (h *RequestHeader) Peek(key string) []byte   { return nil }

type Request struct {
	Header RequestHeader
}

func (req *Request) Body() []byte { return nil }

type Response struct{}

type Args struct{}

func (a *Args) Peek(key string) []byte { return nil }

type RequestCtx struct {
	Response Response
	Request  Request
}

func (ctx *RequestCtx) SetUserValue(key, value any)                        {}
func (ctx *RequestCtx) UserValue(key any) any                              { return nil }
func (ctx *RequestCtx) SetStatusCode(statusCode int)                       {}
func (ctx *RequestCtx) SetContentType(contentType string)                  {}
func (ctx *RequestCtx) Path() []byte                                       { return nil }
func (ctx *RequestCtx) QueryArgs() *Args                                   { return &Args{} }
func (ctx *RequestCtx) PostArgs() *Args                                    { return &Args{} }
func (ctx *RequestCtx) FormFile(key string) (*multipart.FileHeader, error) { return nil, nil }
func (ctx *RequestCtx) FormValue(key string) []byte                        { return nil }
func (ctx *RequestCtx) Method() []byte                                     { return nil }
func (ctx *RequestCtx) RemoteIP() net.IP                                   { return nil }
func (ctx *RequestCtx) Error(msg string, statusCode int)                   {}
func (ctx *RequestCtx) SetBodyString(body string)                          {}
func (ctx *RequestCtx) PostBody() []byte                                   { return nil }
func (ctx *RequestCtx) Write(p []byte) (int, error)                        { return len(p), nil }
func (ctx *RequestCtx) WriteString(s string) (int, error)                  { return len(s), nil }

// RequestCtx implements context.Context.
func (ctx *RequestCtx) Deadline() (deadline time.Time, ok bool) { return time.Time{}, false }
func (ctx *RequestCtx) Done() <-chan struct{}                   { return nil }
func (ctx *RequestCtx) Err() error                              { return nil }
func (ctx *RequestCtx) Value(key any) any                       { return nil }

func SaveMultipartFile(fh *multipart.FileHeader, path string) (err error) { return nil }

const (
	StatusOK                 = 200
	StatusAccepted           = 202
	StatusBadRequest         = 400
	StatusUnauthorized       = 401
	StatusNotFound           = 404
	StatusTooManyRequests    = 429
	StatusServiceUnavailable = 503
)
