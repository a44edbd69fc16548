// Package huma is a stub of github.com/danielgtaylor/huma/v2@v2.37.2 for statelint's tests: only the signatures the tests use.
package huma

import "context"

type API interface {
	OpenAPI() *OpenAPI
}

type OpenAPI struct{}

type Operation struct {
	OperationID string
	Method      string
	Path        string
	Summary     string
}

type Config struct{}

func DefaultConfig(title, version string) Config { return Config{} }

func Register[I, O any](api API, op Operation, handler func(context.Context, *I) (*O, error)) {}

func Get[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
}

func Post[I, O any](api API, path string, handler func(context.Context, *I) (*O, error), operationHandlers ...func(o *Operation)) {
}
