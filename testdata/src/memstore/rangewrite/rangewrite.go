// Package rangewrite writes through entries it finds by ranging over a
// long-lived table (goaws's Unsubscribe and SetSubscriptionAttributes
// walk every topic for the subscription). The entries are pointers into
// the table, so the writes are the table's. Its twin ranges over a table
// of struct values: each entry is a copy, and writing the copy changes
// nothing that outlives the request.
package rangewrite

import (
	"net/http"
	"sync"
)

type topic struct {
	name string
	subs []string
}

var (
	mu     sync.Mutex
	topics = map[string]*topic{}
)

func unsubscribe(w http.ResponseWriter, r *http.Request) {
	sub := r.FormValue("sub")
	mu.Lock()
	defer mu.Unlock()
	for _, t := range topics {
		for i, s := range t.subs {
			if s == sub {
				t.subs = append(t.subs[:i], t.subs[i+1:]...) // want `in-memory records table topics is written by handler for "POST /unsubscribe"`
				return
			}
		}
	}
}

type stat struct {
	name string
	hits int
}

var stats = map[string]stat{"home": {name: "home"}}

func scan(w http.ResponseWriter, r *http.Request) {
	for _, s := range stats {
		s.hits++ // a copy of the entry
		w.Write([]byte(s.name))
	}
}

func init() {
	http.HandleFunc("POST /unsubscribe", unsubscribe)
	http.HandleFunc("GET /scan", scan)
}
