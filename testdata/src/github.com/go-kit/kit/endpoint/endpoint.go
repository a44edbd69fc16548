// Package endpoint is a stub of github.com/go-kit/kit/endpoint@v0.13.0 for statelint's tests: only the signatures the tests use.
package endpoint

import "context"

type Endpoint func(ctx context.Context, request interface{}) (response interface{}, err error)

type Middleware func(Endpoint) Endpoint
