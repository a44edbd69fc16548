// Command app wires the hub's Remove into the server's callback, and a
// logging function into the audit callback and one that fills in the
// request's own trace into the trace callback (the clean twins).
package main

import (
	"net/http"

	"wiring/callback/hub"
	"wiring/callback/server"
)

func main() {
	h := hub.New()
	s := &server.Server{
		OnDelete: h.Remove, // want `in-process connection registry Hub.conns of \(\*hub.Hub\).Remove is written by handler for "DELETE /conns/{id}" through callback Server.OnDelete: a broadcast reaches only`
		OnAudit:  hub.Audit,
		OnTrace:  hub.Stamp,
	}
	mux := http.NewServeMux()
	s.Routes(mux)
	http.ListenAndServe(":8080", mux)
}
