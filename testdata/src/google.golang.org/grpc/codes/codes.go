// Package codes is a stub of google.golang.org/grpc@v1.85.0 for statelint's tests: only the signatures the tests use.
package codes

type Code uint32

const (
	OK            Code = 0
	NotFound      Code = 5
	Unimplemented Code = 12
)
