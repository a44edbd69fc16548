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
