// Package graphql is a stub of github.com/99designs/gqlgen/graphql@v0.17.98 for statelint's tests: only the signatures the tests use.
package graphql

import "context"

type ResponseHandler func(ctx context.Context) *Response

type Response struct{}

type ExecutableSchema interface {
	Complexity(ctx context.Context, typeName, fieldName string, childComplexity int, args map[string]any) (int, bool)
	Exec(ctx context.Context) ResponseHandler
}
