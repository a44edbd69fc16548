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
