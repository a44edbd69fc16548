// Package ratelimit is a middleware of endpoints over a limiter its
// callers choose, as go-kit's: an interface that x/time/rate's Limiter
// satisfies, and an adapter for plain functions.
package ratelimit

import (
	"context"
	"errors"

	"github.com/go-kit/kit/endpoint"
)

// ErrLimited is returned when the limiter refuses a request.
var ErrLimited = errors.New("rate limit exceeded")

// Allower says whether a request may run.
type Allower interface {
	Allow() bool
}

// AllowerFunc lets a function be an Allower.
type AllowerFunc func() bool

// Allow calls f.
func (f AllowerFunc) Allow() bool { return f() }

// NewErroringLimiter refuses what limit does not allow.
func NewErroringLimiter(limit Allower) endpoint.Middleware {
	return func(next endpoint.Endpoint) endpoint.Endpoint {
		return func(ctx context.Context, request interface{}) (interface{}, error) {
			if !limit.Allow() {
				return nil, ErrLimited
			}
			return next(ctx, request)
		}
	}
}
