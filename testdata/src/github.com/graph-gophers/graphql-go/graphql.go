// Package graphql is a stub of github.com/graph-gophers/graphql-go@v1.11.0 for statelint's tests: only the signatures the tests use.
package graphql

type Schema struct{}

type SchemaOpt func(*Schema)

func ParseSchema(schemaString string, resolver any, opts ...SchemaOpt) (*Schema, error) {
	return nil, nil
}

func MustParseSchema(schemaString string, resolver any, opts ...SchemaOpt) *Schema { return nil }
