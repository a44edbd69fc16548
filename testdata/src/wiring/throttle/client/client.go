// Package client calls the service through a limiter on this process's
// own outgoing calls: per instance by intent, silent.
package client

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"
	"golang.org/x/time/rate"

	"wiring/throttle/gen"
	"wiring/throttle/ratelimit"
)

func encode(ctx context.Context, r *http.Request, request interface{}) error { return nil }

func decode(ctx context.Context, r *http.Response) (interface{}, error) { return nil, nil }

// New returns the client's sum endpoint.
func New(u *url.URL) endpoint.Endpoint {
	limiter := ratelimit.NewErroringLimiter(rate.NewLimiter(rate.Every(time.Second), 100))
	e := httptransport.NewClient("POST", u, encode, decode).Endpoint()
	return limiter(e)
}

func makeProxy(u *url.URL) endpoint.Endpoint {
	return httptransport.NewClient("GET", u, encode, decode).Endpoint()
}

// NewProxy wraps a client's endpoint that a helper builds: silent too.
func NewProxy(u *url.URL) endpoint.Endpoint {
	e := makeProxy(u)
	return ratelimit.NewErroringLimiter(rate.NewLimiter(rate.Every(time.Second), 10))(e)
}

func makeThriftSumEndpoint(c *gen.AddServiceClient) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		a := request.([2]int64)
		return c.Sum(ctx, a[0], a[1])
	}
}

// NewThrift wraps an endpoint that calls a generated thrift client: it
// calls another service, so the limiter throttles this process's own
// calls, silent as well.
func NewThrift(c *gen.AddServiceClient) endpoint.Endpoint {
	limiter := ratelimit.NewErroringLimiter(rate.NewLimiter(rate.Every(time.Second), 100))
	return limiter(makeThriftSumEndpoint(c))
}
