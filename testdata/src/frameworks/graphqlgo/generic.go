package graphqlgo

import (
	"net/http"

	graphql "github.com/graph-gophers/graphql-go"
	"github.com/graph-gophers/graphql-go/relay"
)

// votesResolver is generic in its store's transaction type and made in a
// generic function, as riverui's endpoints are: its methods are still
// the resolvers, and its tally map is state. The ready channel it closes
// and clears on the first query is a signal, not state.
type votesResolver[TTx any] struct {
	tally map[string]int32
	ready chan struct{}
}

func (r *votesResolver[TTx]) Vote(args struct{ ID string }) int32 {
	if r.ready != nil {
		close(r.ready)
		r.ready = nil
	}
	r.tally[args.ID]++ // want `tally is written by handler \(\*votesResolver\).Vote`
	return r.tally[args.ID]
}

func serveVotes[TTx any]() {
	s := graphql.MustParseSchema(`type Query { vote(id: ID!): Int! }`, &votesResolver[TTx]{tally: map[string]int32{}, ready: make(chan struct{})})
	http.Handle("/votes", &relay.Handler{Schema: s})
}
