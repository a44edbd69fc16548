// Package wstest is test support, named by Go's convention like
// net/http/httptest: the servers it starts serve tests. Its handlers keep
// state for the test that made them, which is not a finding.
package wstest

import (
	"net/http"
	"net/http/httptest"
)

var lastRequest *http.Request

// Server records the last request it served, for the test to inspect.
func Server() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lastRequest = r
	}))
}

var served int

func Count(w http.ResponseWriter, r *http.Request) {
	served++
}
