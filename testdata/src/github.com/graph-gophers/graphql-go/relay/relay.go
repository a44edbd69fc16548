// Package relay is a stub of github.com/graph-gophers/graphql-go/relay@v1.11.0 for statelint's tests: only the signatures the tests use.
package relay

import (
	"net/http"

	graphql "github.com/graph-gophers/graphql-go"
)

type Handler struct {
	Schema *graphql.Schema
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
