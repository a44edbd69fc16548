// Package graphqlgo is a graph-gophers/graphql-go server whose root
// resolver keeps state in process memory; Save is the clean twin.
package graphqlgo

import (
	"database/sql"
	"net/http"

	graphql "github.com/graph-gophers/graphql-go"
	"github.com/graph-gophers/graphql-go/relay"
)

const schema = `type Query { hello: String! } type Mutation { like(id: ID!): Int! save(id: ID!): Boolean! }`

type rootResolver struct {
	likes map[string]int32
	db    *sql.DB
}

func (r *rootResolver) Hello() string { return "hello" }

func (r *rootResolver) Like(args struct{ ID string }) int32 {
	r.likes[args.ID]++ // want `likes is written by handler \(\*rootResolver\).Like`
	return r.likes[args.ID]
}

// Save is the clean twin: the like is a row in the database.
func (r *rootResolver) Save(args struct{ ID string }) bool {
	_, err := r.db.Exec("INSERT INTO likes (post) VALUES ($1)", args.ID)
	return err == nil
}

func serve(db *sql.DB) {
	s := graphql.MustParseSchema(schema, &rootResolver{likes: map[string]int32{}, db: db})
	http.Handle("/query", &relay.Handler{Schema: s})
}
