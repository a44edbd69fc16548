package replicas

import (
	"strings"
	"testing"
)

func TestRouteMatches(t *testing.T) {
	for _, tc := range []struct {
		route, method, path string
		want                bool
	}{
		{"POST /cart", "POST", "/cart", true},
		{"POST /cart", "GET", "/cart", false},
		{"GET /cart", "HEAD", "/cart", true},
		{"/hit", "DELETE", "/hit", true},
		{"GET /products/{id}", "GET", "/products/7", true},
		{"GET /products/{id}", "GET", "/products/7/reviews", false},
		{"GET /files/{path...}", "GET", "/files/a/b", true},
		{"/static/", "GET", "/static/app.js", true},
		{"/static/", "GET", "/static", false},
		{"/", "GET", "/anything/at/all", true},
		{"GET /{$}", "GET", "/", true},
		{"GET /{$}", "GET", "/x", false},
		{"GET example.com/cart", "GET", "/cart", true},
		{"GET /users/:id", "GET", "/users/ana", true},
		{"GET /assets/*filepath", "GET", "/assets/css/a.css", true},
		{"POST /cart", "POST", "/carts", false},
	} {
		if got := routeMatches(tc.route, tc.method, tc.path); got != tc.want {
			t.Errorf("%q on %s %s: %v, want %v", tc.route, tc.method, tc.path, got, tc.want)
		}
	}
}

const findingsJSON = `# example.com/shop/api
{
	"example.com/shop/api": {
		"memstore": [{"category": "session", "posn": "api/handlers.go:19:12", "end": "api/handlers.go:19:12",
			"message": "in-memory session store Server.sessions is written by handler for \"POST /login\": a user logged in on one replica is unknown to the next"}],
		"requestorder": [{"category": "order", "posn": "api/handlers.go:49:20",
			"message": "handler for \"POST /checkout/pay\" reads Server.checkout that handler for \"POST /checkout/address\" keeps in process memory: the next request"}]
	}
}
{"example.com/shop/store": {"memstore": {"error": "an error object from go vet"}}}
`

func TestReadFindings(t *testing.T) {
	fs, err := ReadFindings(strings.NewReader(findingsJSON))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("%d findings: %+v", len(fs), fs)
	}
	if got := fs[0].Summary(); got != `api/handlers.go:19:12: in-memory session store Server.sessions is written by handler for "POST /login" [memstore/session]` {
		t.Errorf("summary %q", got)
	}
	if !fs[1].matches("POST", "/checkout/address") || !fs[1].matches("POST", "/checkout/pay") || fs[1].matches("POST", "/login") {
		t.Errorf("routes %v", fs[1].Routes)
	}
	steps := []Step{{Method: "POST", Path: "/login"}, {Method: "POST", Path: "/checkout/pay"}}
	if got := involved(fs, steps); len(got) != 2 || got[0].Check != "requestorder" {
		t.Errorf("involved %+v, want the last step's finding first", got)
	}
}
