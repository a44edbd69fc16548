// Package gqlgen is a 99designs/gqlgen server laid out as gqlgen init
// makes it: generated.go (a reduced copy of what gqlgen generates),
// resolver.go and schema.resolvers.go, whose mutation keeps the todos in
// process memory, as gqlgen's getting-started example does.
package gqlgen

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// NewExecutableSchema creates an ExecutableSchema from the ResolverRoot interface.
func NewExecutableSchema(cfg Config) graphql.ExecutableSchema {
	return &executableSchema{resolvers: cfg.Resolvers}
}

type Config struct {
	Resolvers  ResolverRoot
	Directives DirectiveRoot
}

type ResolverRoot interface {
	Mutation() MutationResolver
	Query() QueryResolver
}

type DirectiveRoot struct{}

type MutationResolver interface {
	CreateTodo(ctx context.Context, input NewTodo) (*Todo, error)
	CompleteTodo(ctx context.Context, id string) (*Todo, error)
}

type QueryResolver interface {
	Todos(ctx context.Context) ([]*Todo, error)
}

// executableSchema stands for the generated one, whose methods execute
// queries through the resolvers.
type executableSchema struct {
	graphql.ExecutableSchema
	resolvers ResolverRoot
}

type NewTodo struct {
	Text string
}

type Todo struct {
	ID   string
	Text string
	Done bool
}
