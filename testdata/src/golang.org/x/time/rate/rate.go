// Package rate is a stub of golang.org/x/time@v0.16.0 for statelint's tests: only the signatures the tests use.
package rate

import (
	"context"
	"math"
	"time"
)

type Limit float64

const Inf = Limit(math.MaxFloat64)

func Every(interval time.Duration) Limit {
	if interval <= 0 {
		return Inf
	}
	return 1 / Limit(interval.Seconds())
}

type Limiter struct {
	limit Limit
	burst int
}

func NewLimiter(r Limit, b int) *Limiter { return &Limiter{limit: r, burst: b} }

func (lim *Limiter) Allow() bool                          { return true }
func (lim *Limiter) AllowN(t time.Time, n int) bool       { return true }
func (lim *Limiter) Wait(ctx context.Context) (err error) { return nil }
