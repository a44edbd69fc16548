// Package sse is a stub of github.com/r3labs/sse/v2@v2.10.0 for statelint's tests: only the signatures the tests use.
package sse

import "net/http"

type Event struct {
	ID    []byte
	Data  []byte
	Event []byte
}

type Stream struct{}

type Server struct{}

func New() *Server { return &Server{} }

func (s *Server) CreateStream(id string) *Stream                   { return nil }
func (s *Server) Publish(id string, event *Event)                  {}
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
