package gqlgen

import (
	"database/sql"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
)

// Resolver is the root of the resolvers, built once in serve.
type Resolver struct {
	todos []*Todo
	db    *sql.DB
}

func serve(db *sql.DB) {
	srv := handler.New(NewExecutableSchema(Config{Resolvers: &Resolver{db: db}}))
	http.Handle("/query", srv)
}
