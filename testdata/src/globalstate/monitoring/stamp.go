package monitoring

import (
	"net/http"
	"time"
)

// lastAction is when this replica last touched its data; only its own
// maintenance loop reads it, to wait for an idle minute (mailpit's
// dbLastAction): each replica's own activity, silent.
var lastAction time.Time

func touch(w http.ResponseWriter, r *http.Request) {
	lastAction = time.Now()
	w.Write([]byte("ok"))
}

func maintain() {
	for range time.Tick(time.Minute) {
		if time.Since(lastAction) > 5*time.Minute {
			vacuum()
		}
	}
}

func vacuum() {}

// lastModified is the clean twin's opposite: stamped by one handler and
// served by another as the answer's Last-Modified, so a replica that did
// not see the update answers with an older time: reported.
var lastModified time.Time

func update(w http.ResponseWriter, r *http.Request) {
	lastModified = time.Now() // want `mutable server variable lastModified is written by handler for "PUT /doc"`
	w.WriteHeader(http.StatusNoContent)
}

func doc(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Last-Modified", lastModified.UTC().Format(http.TimeFormat))
	w.Write([]byte("doc"))
}

func init() {
	http.HandleFunc("POST /touch", touch)
	http.HandleFunc("PUT /doc", update)
	http.HandleFunc("GET /doc", doc)
	go maintain()
}
