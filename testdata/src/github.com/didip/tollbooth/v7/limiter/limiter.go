// Package limiter is a stub of github.com/didip/tollbooth/v7/limiter.
package limiter

import "sync"

// ExpirableOptions are the options of the buckets' expiry.
type ExpirableOptions struct{ DefaultExpirationTTL int64 }

// Limiter keeps the buckets.
type Limiter struct {
	mu      sync.Mutex
	max     float64
	buckets map[string]float64
}

// New returns a limiter.
func New(o *ExpirableOptions) *Limiter { return &Limiter{buckets: map[string]float64{}} }

// SetMax sets the rate.
func (l *Limiter) SetMax(max float64) *Limiter { l.max = max; return l }
