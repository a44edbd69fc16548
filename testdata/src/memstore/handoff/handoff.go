// Package handoff sends upload events to goroutines of its own process.
// An unbuffered channel holds nothing: the send waits for the goroutine
// to take the event, so no work waits in it for a replica to lose. A
// buffered channel keeps up to its capacity of work in this process.
package handoff

import (
	"log"
	"net/http"
)

// Event is what an upload tells the hooks.
type Event struct {
	ID   string
	Size int64
}

// Handler notifies its hooks of the uploads it serves.
type Handler struct {
	Created chan Event // unbuffered: a hand-off
	Jobs    chan Event // buffered: a queue
}

// New makes the handler's channels.
func New() *Handler {
	return &Handler{Created: make(chan Event), Jobs: make(chan Event, 64)}
}

func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	h.Created <- Event{ID: r.FormValue("id")}
	h.Jobs <- Event{ID: r.FormValue("id")} // want `in-process queue Handler.Jobs is written by handler for "/upload"`
}

func (h *Handler) hooks() {
	for e := range h.Created {
		log.Println("created", e.ID)
	}
}

func (h *Handler) work() {
	for e := range h.Jobs {
		log.Println("job", e.ID)
	}
}

func serve() {
	h := New()
	go h.hooks()
	go h.work()
	http.HandleFunc("/upload", h.upload)
	http.ListenAndServe(":8080", nil)
}
