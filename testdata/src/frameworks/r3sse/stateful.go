// Package r3sse is an r3labs/sse server: the library keeps its streams
// and their subscribers in this process, so an event published on one
// replica reaches only the clients connected to it. clean.go has the
// clean twin.
package r3sse

import (
	"net/http"

	"github.com/r3labs/sse/v2"
)

var events = sse.New() // want `in-process connection registry sse.New is written by every connection it accepts`

func setup() {
	events.CreateStream("messages")
	http.HandleFunc("/events", events.ServeHTTP)
	http.HandleFunc("/send", func(w http.ResponseWriter, r *http.Request) {
		events.Publish("messages", &sse.Event{Data: []byte(r.FormValue("m"))})
	})
}
