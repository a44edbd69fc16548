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

// audit takes events one at a time from every handler: unbuffered.
var audit = make(chan Event)

// Sub is a client waiting for events on its own channel.
type Sub struct {
	events chan Event
}

// Handler notifies its hooks of the uploads it serves.
type Handler struct {
	Created chan Event // unbuffered: a hand-off
	Jobs    chan Event // buffered: a queue
	join    chan *Sub  // unbuffered, but a goroutine keeps what it receives
	subs    map[*Sub]bool
}

// New makes the handler's channels.
func New() *Handler {
	return &Handler{Created: make(chan Event), Jobs: make(chan Event, 64), join: make(chan *Sub), subs: map[*Sub]bool{}}
}

func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	h.Created <- Event{ID: r.FormValue("id")}
	audit <- Event{ID: r.FormValue("id")}
	h.Jobs <- Event{ID: r.FormValue("id")} // want `in-process queue Handler.Jobs is written by handler for "/upload"`
}

func (h *Handler) watch(w http.ResponseWriter, r *http.Request) {
	s := &Sub{events: make(chan Event, 8)}
	h.join <- s // want `in-process connection registry Handler.join is written by handler for "/watch"`
	for e := range s.events {
		w.Write([]byte(e.ID))
	}
}

func (h *Handler) run() {
	for s := range h.join {
		h.subs[s] = true
	}
}

func auditor() {
	for e := range audit {
		log.Println("audit", e.ID)
	}
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
	go h.run()
	go auditor()
	http.HandleFunc("/upload", h.upload)
	http.HandleFunc("/watch", h.watch)
	http.ListenAndServe(":8080", nil)
}
