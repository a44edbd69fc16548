// Package options keeps its configuration as a table of options parsed at
// startup. A middleware behind a proxy switches the HTTPS option on when
// a request says it came over TLS, changing the parsed flag and its raw
// text in place: a flag requests set, which other replicas never see.
// The base URL option, set at startup and read on requests, is not state
// (the clean twin).
package options

import (
	"net/http"
	"os"
)

type option struct {
	raw    string
	parsed bool
}

type options struct {
	table map[string]*option
}

func (o *options) setHTTPS(v bool) {
	o.table["HTTPS"].parsed = v // want `in-process flag opts.table is written by handler`
	if v {
		o.table["HTTPS"].raw = "1"
	} else {
		o.table["HTTPS"].raw = "0"
	}
}

func (o *options) setBase(url string) {
	o.table["BASE_URL"].raw = url
}

func (o *options) https() bool { return o.table["HTTPS"].parsed }

var opts = &options{table: map[string]*option{"HTTPS": {}, "BASE_URL": {}}}

func middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Forwarded-Proto") == "https" {
			opts.setHTTPS(true)
		}
		next.ServeHTTP(w, r)
	})
}

func page(w http.ResponseWriter, r *http.Request) {
	if opts.https() {
		w.Header().Set("Strict-Transport-Security", "max-age=63072000")
	}
	w.Write([]byte(opts.table["BASE_URL"].raw))
}

func main() {
	opts.setBase(os.Getenv("BASE_URL"))
	http.ListenAndServe(":8080", middleware(http.HandlerFunc(page)))
}
