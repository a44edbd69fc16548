// Package svc serves its endpoints behind a token bucket of this process.
package svc

import (
	"context"
	"net/http"
	"time"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"
	"golang.org/x/time/rate"

	"wiring/throttle/ratelimit"
)

func sum(ctx context.Context, request interface{}) (interface{}, error) {
	return request, nil
}

func decode(ctx context.Context, r *http.Request) (interface{}, error) { return r.FormValue("a"), nil }

// Handler serves /sum, limited to one request a second.
func Handler() http.Handler {
	var e endpoint.Endpoint = sum
	e = ratelimit.NewErroringLimiter(rate.NewLimiter(rate.Every(time.Second), 1))(e) // want `per-client rate limiter in memory Limiter of rate.NewLimiter\(...\) is written by handler ratelimit.NewErroringLimiter.func1 through Allower.Allow: each replica grants the full limit`
	return httptransport.NewServer(e, decode, httptransport.EncodeJSONResponse)
}
