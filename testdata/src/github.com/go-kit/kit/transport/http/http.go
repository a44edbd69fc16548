// Package http is a stub of github.com/go-kit/kit/transport/http@v0.13.0 for statelint's tests: only the signatures the tests use.
package http

import (
	"context"
	"net/http"
	"net/url"

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

type EncodeRequestFunc func(context.Context, *http.Request, interface{}) error

type DecodeResponseFunc func(context.Context, *http.Response) (response interface{}, err error)

type ClientOption func(*Client)

type Client struct{}

func NewClient(method string, tgt *url.URL, enc EncodeRequestFunc, dec DecodeResponseFunc, options ...ClientOption) *Client {
	return &Client{}
}

func (c Client) Endpoint() endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) { return nil, nil }
}
