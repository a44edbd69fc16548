// Package socketio is a stub of github.com/googollee/go-socket.io@v1.7.0 for statelint's tests: only the signatures the tests use.
package socketio

import (
	"io"
	"net/http"

	"github.com/googollee/go-socket.io/engineio"
)

type Namespace interface {
	Context() interface{}
	SetContext(ctx interface{})
	Emit(eventName string, v ...interface{})
	Join(room string)
}

type Conn interface {
	io.Closer
	Namespace
	ID() string
}

type Server struct{}

func NewServer(opts *engineio.Options) *Server { return nil }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request)    {}
func (s *Server) OnConnect(namespace string, f func(Conn) error)      {}
func (s *Server) OnDisconnect(namespace string, f func(Conn, string)) {}
func (s *Server) OnError(namespace string, f func(Conn, error))       {}
func (s *Server) OnEvent(namespace, event string, f interface{})      {}
func (s *Server) Serve() error                                        { return nil }
