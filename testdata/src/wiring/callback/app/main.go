// Command app wires the hub's Remove into the server's callback, and a
// logging function into the audit callback (the clean twin).
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
	}
	mux := http.NewServeMux()
	s.Routes(mux)
	http.ListenAndServe(":8080", mux)
}
