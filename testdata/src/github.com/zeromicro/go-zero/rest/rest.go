// Package rest is a stub of github.com/zeromicro/go-zero/rest@v1.10.3 for statelint's tests: only the signatures the tests use.
package rest

import "net/http"

type (
	Route struct {
		Method  string
		Path    string
		Handler http.HandlerFunc
	}

	RestConf struct{}

	RouteOption func(r *featuredRoutes)

	featuredRoutes struct{}
)

type Server struct{}

func MustNewServer(c RestConf, opts ...RunOption) *Server { return nil }

type RunOption func(*Server)

func (s *Server) AddRoute(r Route, opts ...RouteOption)     {}
func (s *Server) AddRoutes(rs []Route, opts ...RouteOption) {}
func (s *Server) Start()                                    {}
