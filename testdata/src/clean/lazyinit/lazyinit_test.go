package lazyinit

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

var calls int

func TestGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
	}))
	defer srv.Close()
	http.Get(srv.URL)
}

// Package-level variables of test files are initialised by the test
// binary only; SSA of the production files must not look for them.
var fixtures = map[string]int{"a": len(fixtureNames())}

func fixtureNames() []string { return []string{"a"} }
