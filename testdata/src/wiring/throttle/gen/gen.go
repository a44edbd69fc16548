// Package gen is what the thrift compiler generates for a service with
// one method: a client that calls the remote service.
package gen

import (
	"context"

	"github.com/apache/thrift/lib/go/thrift"
)

// AddServiceClient calls the remote AddService.
type AddServiceClient struct {
	c thrift.TClient
}

// NewAddServiceClient returns a client over c.
func NewAddServiceClient(c thrift.TClient) *AddServiceClient { return &AddServiceClient{c: c} }

// Sum calls the remote Sum.
func (p *AddServiceClient) Sum(ctx context.Context, a, b int64) (int64, error) {
	var r int64
	_, err := p.c.Call(ctx, "Sum", [2]int64{a, b}, &r)
	return r, err
}
