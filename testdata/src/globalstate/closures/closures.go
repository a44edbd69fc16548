// Package closures keeps state in variables captured by handler closures
// built once at setup; a closure built per request is not state.
package closures

import (
	"fmt"
	"net/http"
)

func counter() http.HandlerFunc {
	n := 0
	return func(w http.ResponseWriter, r *http.Request) {
		n++ // want `in-process counter n is written by handler for "/count"`
		fmt.Fprint(w, n)
	}
}

func toggle() http.HandlerFunc {
	on := false
	return func(w http.ResponseWriter, r *http.Request) {
		on = !on // want `in-process flag on is written by handler for "/toggle"`
	}
}

func perRequest(w http.ResponseWriter, r *http.Request) {
	seen := 0
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { seen++ })
	h.ServeHTTP(w, r)
	fmt.Fprint(w, seen)
}

func main() {
	http.HandleFunc("/count", counter())
	http.Handle("/toggle", toggle())
	http.HandleFunc("/per", perRequest)
	http.ListenAndServe(":8080", nil)
}
