// Package peer is a stub of google.golang.org/grpc@v1.85.0 for statelint's tests: only the signatures the tests use.
package peer

import (
	"context"
	"net"
)

type Peer struct {
	Addr      net.Addr
	LocalAddr net.Addr
}

type peerKey struct{}

func FromContext(ctx context.Context) (p *Peer, ok bool) {
	p, ok = ctx.Value(peerKey{}).(*Peer)
	return
}
