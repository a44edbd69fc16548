// Package streams keeps a table of event streams, each run by its own
// goroutine, as r3labs/sse does: a subscriber is handed to its stream
// over the stream's register channel and kept there, so the channel of
// each entry of the table is a registry of its own, reported at the
// send. An event sent to the same stream's event channel is only relayed
// to each subscriber: a broadcast, silent. The table gains its streams
// on request paths: reported where a stream is added, although a new
// stream is made from its key alone, since a value that serves channels
// of data is no memo.
package streams

import (
	"net/http"
	"sync"
)

type Event struct{ Data []byte }

type Subscriber struct{ connection chan *Event }

type Stream struct {
	id          string
	register    chan *Subscriber
	event       chan *Event
	subscribers []*Subscriber
}

func newStream(id string) *Stream {
	str := &Stream{id: id, register: make(chan *Subscriber), event: make(chan *Event, 8)}
	go str.run()
	return str
}

func (str *Stream) run() {
	for {
		select {
		case sub := <-str.register:
			str.subscribers = append(str.subscribers, sub)
		case ev := <-str.event:
			for _, sub := range str.subscribers {
				sub.connection <- ev
			}
		}
	}
}

type Server struct {
	mu      sync.Mutex
	streams map[string]*Stream
}

func (s *Server) stream(id string) *Stream {
	s.mu.Lock()
	defer s.mu.Unlock()
	if str, ok := s.streams[id]; ok {
		return str
	}
	str := newStream(id)
	s.streams[id] = str // want `in-process connection registry Server.streams is written by handler for "POST /events"`
	return str
}

func (s *Server) subscribe(w http.ResponseWriter, r *http.Request) {
	sub := &Subscriber{connection: make(chan *Event, 64)}
	s.stream(r.URL.Query().Get("stream")).register <- sub // want `in-process connection registry Server.streams\[\].register is written by handler for "GET /events"`
	for ev := range sub.connection {
		w.Write(ev.Data)
	}
}

func (s *Server) publish(w http.ResponseWriter, r *http.Request) {
	s.stream(r.URL.Query().Get("stream")).event <- &Event{Data: []byte(r.FormValue("data"))}
}

func main() {
	s := &Server{streams: map[string]*Stream{}}
	http.HandleFunc("GET /events", s.subscribe)
	http.HandleFunc("POST /events", s.publish)
	http.ListenAndServe(":8080", nil)
}
