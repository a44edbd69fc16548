// Package app keeps the websocket connection of each chat user in an
// instance of the module's generic sharded map: a connection registry,
// whatever the map's own name says, since the instance holds
// connections. A map of the same type made for one request is not state
// (the clean twin).
package app

import (
	"net/http"

	"github.com/gorilla/websocket"

	"memstore/genericreg/cmap"
)

var (
	upgrader = websocket.Upgrader{}
	members  = cmap.New[string, *websocket.Conn](16)
)

func join(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	members.Store(r.FormValue("name"), conn) // want `in-process connection registry members.shards is written by handler for "/join"`
}

func tally(w http.ResponseWriter, r *http.Request) {
	seen := cmap.New[string, int](1)
	for _, w := range r.URL.Query()["w"] {
		n, _ := seen.Load(w)
		seen.Store(w, n+1)
	}
}

func init() {
	http.HandleFunc("/join", join)
	http.HandleFunc("/tally", tally)
}
