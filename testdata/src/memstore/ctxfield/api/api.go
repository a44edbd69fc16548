// Package api serves the monitor: it registers each client with the hub
// its Context holds, the process's own, so an event relayed on another
// replica never reaches it: reported. What it notes in the Context's
// own map lives as long as the request: silent.
package api

import (
	"net/http"

	"memstore/ctxfield/hub"
	"memstore/ctxfield/web"
)

// Monitor registers the client for events.
func Monitor(w http.ResponseWriter, r *http.Request, ctx *web.Context) error {
	ctx.Hub.Add(r.FormValue("id"), make(chan string, 1)) // want `in-process connection registry web.events.listeners is written by handler for "/monitor"`
	return nil
}

// Note keeps a value in the request's own Context.
func Note(w http.ResponseWriter, r *http.Request, ctx *web.Context) error {
	ctx.Vars["note"] = r.FormValue("note")
	w.Write([]byte(ctx.Vars["path"]))
	return nil
}

// Routes registers the handlers.
func Routes(mux *http.ServeMux) {
	mux.Handle("/monitor", web.Handler(Monitor))
	mux.Handle("/note", web.Handler(Note))
	mux.Handle("/watch", web.Handler(Watch))
	mux.Handle("/peek", web.Handler(Peek))
}

// Start sets the server up.
func Start() {
	web.Init(hub.New(), hub.New(), hub.New())
	mux := http.NewServeMux()
	Routes(mux)
	http.ListenAndServe(":8080", mux)
}

func newListener(h *hub.Hub, id string) chan string {
	c := make(chan string, 1)
	h.Add(id, c) // want `web.watchers.listeners is written by handler for "/watch"`
	return c
}

func serve(w http.ResponseWriter, r *http.Request, h *hub.Hub, id string, mk func(h *hub.Hub, id string) chan string) error {
	c := mk(h, id)
	w.Write([]byte(<-c))
	return nil
}

// Watch registers the client through a helper it hands the constructor:
// a call through a function parameter is a call of each function this
// package passes for it.
func Watch(w http.ResponseWriter, r *http.Request, ctx *web.Context) error {
	return serve(w, r, ctx.Watchers, r.FormValue("id"), newListener)
}

func peekOnly(h *hub.Hub, id string) chan string {
	c := make(chan string, 1)
	c <- id
	return c
}

// Peek hands the same helper a constructor that registers nothing: the
// helper is summarised for each call with the function that call passes,
// so Peek writes no hub: silent.
func Peek(w http.ResponseWriter, r *http.Request, ctx *web.Context) error {
	return serve(w, r, ctx.Peekers, r.FormValue("id"), peekOnly)
}
