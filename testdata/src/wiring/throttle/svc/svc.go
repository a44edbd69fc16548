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

type adder struct{}

func (adder) Sum(ctx context.Context, a, b int64) (int64, error) { return a + b, nil }

func makeSumEndpoint(s adder) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		a := request.([2]int64)
		return s.Sum(ctx, a[0], a[1])
	}
}

// ServiceHandler serves /sum through an endpoint that calls the service
// in this process, behind the same bucket: reported, unlike the thrift
// client's.
func ServiceHandler() http.Handler {
	limiter := ratelimit.NewErroringLimiter(rate.NewLimiter(rate.Every(time.Second), 1)) // want `per-client rate limiter in memory Limiter of rate.NewLimiter\(...\) is written by handler ratelimit.NewErroringLimiter.func1 through Allower.Allow`
	return httptransport.NewServer(limiter(makeSumEndpoint(adder{})), decode, httptransport.EncodeJSONResponse)
}
