// Package engineio is a stub of github.com/googollee/go-socket.io/engineio@v1.7.0 for statelint's tests: only the signatures the tests use.
package engineio

type Options struct{}
