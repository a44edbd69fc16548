package knowledge

// GraphQL servers resolve each field of a query through a method of the
// program's resolvers, once per request.
var (
	// gqlgen: the generated NewExecutableSchema(Config) returns a
	// graphql.ExecutableSchema; the methods of Config's ResolverRoot return
	// the resolver interfaces that the program's resolvers implement.
	gqlgen = Framework{
		Name:    "gqlgen",
		Schemas: []string{"github.com/99designs/gqlgen/graphql.ExecutableSchema"},
	}
	// graph-gophers/graphql-go: the exported methods of the root resolver
	// passed to ParseSchema resolve the top-level fields.
	graphqlGo = Framework{
		Name: "graphql-go",
		Entries: []EntryCall{
			{Pkg: "github.com/graph-gophers/graphql-go", Names: []string{"ParseSchema", "MustParseSchema"}, Arg: 1, Methods: true},
		},
	}
)
