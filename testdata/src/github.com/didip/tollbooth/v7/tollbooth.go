// Package tollbooth is a stub of github.com/didip/tollbooth/v7: rate
// limiting middleware whose limiter keeps a token bucket per client in
// process memory.
package tollbooth

import (
	"net/http"

	"github.com/didip/tollbooth/v7/limiter"
)

// NewLimiter returns a limiter of max requests per second and client.
func NewLimiter(max float64, tbOptions *limiter.ExpirableOptions) *limiter.Limiter {
	return limiter.New(tbOptions).SetMax(max)
}

// LimitHandler limits next with lmt.
func LimitHandler(lmt *limiter.Limiter, next http.Handler) http.Handler { return next }

// LimitFuncHandler limits next with lmt.
func LimitFuncHandler(lmt *limiter.Limiter, next func(http.ResponseWriter, *http.Request)) http.Handler {
	return http.HandlerFunc(next)
}
