// Package middleware is a stub of github.com/labstack/echo/v4@v4.16.0/middleware
// for statelint's tests: only the signatures the tests use.
package middleware

import (
	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// RateLimiterStore is the store middleware.RateLimiter asks.
type RateLimiterStore interface {
	Allow(identifier string) (bool, error)
}

// RateLimiterMemoryStore keeps a limiter per visitor in memory.
type RateLimiterMemoryStore struct{}

func (s *RateLimiterMemoryStore) Allow(identifier string) (bool, error) { return true, nil }

func NewRateLimiterMemoryStore(rate rate.Limit) (store *RateLimiterMemoryStore) {
	return &RateLimiterMemoryStore{}
}

func RateLimiter(store RateLimiterStore) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc { return next }
}
