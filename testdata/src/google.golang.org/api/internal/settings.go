// Package internal is a stub of google.golang.org/api@v0.311.0 for statelint's tests: only the signatures the tests use.
package internal

type DialSettings struct {
	Endpoint string
}
