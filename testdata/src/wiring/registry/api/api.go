// Package api holds the handlers, which reach the store only through
// their context.
package api

import (
	"net/http"

	"wiring/registry/web"
)

// Deliver stores a message.
func Deliver(w http.ResponseWriter, r *http.Request, ctx *web.Context) {
	ctx.Store.Add(r.FormValue("to"), r.FormValue("body"))
}

// Inbox lists a mailbox.
func Inbox(w http.ResponseWriter, r *http.Request, ctx *web.Context) {
	msgs, _ := ctx.Store.List(r.FormValue("box"))
	for _, m := range msgs {
		w.Write([]byte(m))
	}
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux) {
	mux.Handle("POST /deliver", web.Handler(Deliver))
	mux.Handle("GET /inbox", web.Handler(Inbox))
}
