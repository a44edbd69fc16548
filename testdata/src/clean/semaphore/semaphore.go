// Package semaphore bounds how many requests this replica serves at once
// with channels used as token pools: a handler takes a token and gives it
// back. Like a process-wide rate.Limiter, that limit is per replica by
// design and queues nothing for another request. The stateful twin is the
// queue in seeds, which handlers only send to.
package semaphore

import (
	"net/http"
	"time"
)

type token struct{}

// inflight bounds concurrent uploads.
var inflight = make(chan struct{}, 8)

func upload(w http.ResponseWriter, r *http.Request) {
	inflight <- struct{}{}
	defer func() { <-inflight }()
	w.WriteHeader(http.StatusAccepted)
}

// throttler hands out tokens, as chi's Throttle middleware does.
type throttler struct {
	tokens chan token
}

func (t *throttler) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
			return
		case tok := <-t.tokens:
			defer func() { t.tokens <- tok }()
			next.ServeHTTP(w, r)
		case <-time.After(time.Second):
			http.Error(w, "busy", http.StatusTooManyRequests)
		}
	})
}

func New() http.Handler {
	t := &throttler{tokens: make(chan token, 4)}
	for range 4 {
		t.tokens <- token{}
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /upload", upload)
	return t.wrap(mux)
}
