// Package http is a stub of github.com/go-kit/kit/transport/http@v0.13.0 for statelint's tests: only the signatures the tests use.
package http

import (
	"context"
	"net/http"

	"github.com/go-kit/kit/endpoint"
)

type DecodeRequestFunc func(context.Context, *http.Request) (request interface{}, err error)

type EncodeResponseFunc func(context.Context, http.ResponseWriter, interface{}) error

type ServerOption func(*Server)

type Server struct{}

func NewServer(e endpoint.Endpoint, dec DecodeRequestFunc, enc EncodeResponseFunc, options ...ServerOption) *Server {
	return nil
}

func (s Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func EncodeJSONResponse(_ context.Context, w http.ResponseWriter, response interface{}) error {
	return nil
}
