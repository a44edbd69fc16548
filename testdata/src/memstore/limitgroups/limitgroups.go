// Package limitgroups makes a rate limiter in memory for each group of
// routes in one route table: one choice of the author's, reported once at
// the first, with the others beside it. A limiter made in another
// function is another choice, and one a directive accepts stays apart
// from those it does not.
package limitgroups

import (
	"net/http"

	"github.com/didip/tollbooth/v7"
)

func hello(w http.ResponseWriter, r *http.Request) {}

func routes(mux *http.ServeMux) {
	group := func(prefix string, limit float64) {
		mux.Handle(prefix, tollbooth.LimitFuncHandler(tollbooth.NewLimiter(limit, nil), hello)) // want `per-client rate limiter in memory tollbooth.NewLimiter \(and 2 more made in routes\) is written by every request it limits`
	}
	group("/auth/", 2)
	mux.Handle("/avatar/", tollbooth.LimitFuncHandler(tollbooth.NewLimiter(100, nil), hello))
	mux.Handle("/api/", tollbooth.LimitFuncHandler(tollbooth.NewLimiter(10, nil), hello))
	//statelint:ignore memstore the admin pages are served by one replica
	mux.Handle("/admin/", tollbooth.LimitFuncHandler(tollbooth.NewLimiter(1, nil), hello))
}

func feeds(mux *http.ServeMux) {
	mux.Handle("/feeds/", tollbooth.LimitFuncHandler(tollbooth.NewLimiter(5, nil), hello)) // want `per-client rate limiter in memory tollbooth.NewLimiter is written by every request it limits`
}

func main() {
	mux := http.NewServeMux()
	routes(mux)
	feeds(mux)
	http.ListenAndServe(":8080", mux)
}
