// Package z is a stub of github.com/dgraph-io/ristretto/v2@v2.4.2 for statelint's tests: only the signatures the tests use.
package z

type Key interface {
	~uint64 | ~string | ~[]byte | ~byte | ~int | ~uint | ~int32 | ~uint32 | ~int64
}
