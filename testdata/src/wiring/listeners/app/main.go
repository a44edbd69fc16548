// Command app adds the hub's Remove and the session table to the
// notifier's listeners, and a logging function and a logging listener
// beside them (the clean twins).
package main

import (
	"net/http"

	"wiring/listeners/hub"
	"wiring/listeners/server"
)

func main() {
	h := hub.New()
	sessions := hub.NewSessions() // want `in-memory session store Sessions.users of hub.NewSessions\(\) is written by handler for "DELETE /conns/\{id\}" through Listener.Deleted`
	n := new(server.Notifier)
	n.OnDeleted(h.Remove) // want `in-process connection registry Hub.conns of \(\*hub.Hub\).Remove is written by handler for "DELETE /conns/\{id\}" through callback Notifier.deleted`
	n.OnDeleted(hub.Audit)
	n.AddListener("sessions", sessions)
	n.AddListener("log", hub.Logger{Prefix: "conns"})
	s := &server.Server{Notifier: n}
	mux := http.NewServeMux()
	s.Routes(mux)
	http.ListenAndServe(":8080", mux)
}
