// Package tangle has a handler whose local variables are stored into each
// other many times, as in generated or very long request handlers. Tracing
// what such a variable aliases must take linear time, not one walk per
// path through the stores.
package tangle

import "net/http"

var hits = map[string]int{}

func keep(...any) {}

func Handle(w http.ResponseWriter, r *http.Request) {
	var a, b, c, d, e, f, g, h map[string]int
	keep(&a, &b, &c, &d, &e, &f, &g, &h) // address taken: each is a cell
	a = hits
	for range r.URL.Query() {
		b, c, d, e, f, g, h, a = a, b, c, d, e, f, g, h
		c, d, e, f, g, h, a, b = a, b, c, d, e, f, g, h
		d, e, f, g, h, a, b, c = a, b, c, d, e, f, g, h
		e, f, g, h, a, b, c, d = a, b, c, d, e, f, g, h
		f, g, h, a, b, c, d, e = a, b, c, d, e, f, g, h
	}
	h[r.URL.Path]++ // want `hits`
}
