// Package option is a stub of google.golang.org/api@v0.311.0 for statelint's tests: only the signatures the tests use.
package option

import "google.golang.org/api/internal"

type ClientOption interface {
	Apply(*internal.DialSettings)
}
