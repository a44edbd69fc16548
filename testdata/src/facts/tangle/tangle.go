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

// A builder whose methods return their receiver from several places,
// chained: each result is traced through every return of every call
// before it unless what a method returns is worked out once.
type builder struct{ parts map[string]int }

var shared = &builder{parts: map[string]int{}}

func (b *builder) add(k string) *builder {
	switch {
	case k == "":
		return b
	case len(k) > 10:
		return b
	case len(k) > 5:
		return b
	}
	return b
}

func Chain(w http.ResponseWriter, r *http.Request) {
	b := shared.add("a").add("b").add("c").add("d").add("e").add("f").add("g").add("h").
		add("i").add("j").add("k").add("l").add("m").add("n").add("o").add("p").add("q")
	b.parts[r.URL.Path]++ // want `shared`
}
