// Package handler is a stub of github.com/99designs/gqlgen/graphql/handler@v0.17.98 for statelint's tests: only the signatures the tests use.
package handler

import (
	"net/http"

	"github.com/99designs/gqlgen/graphql"
)

type Server struct{}

func New(es graphql.ExecutableSchema) *Server { return nil }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
