// Package lazyowner sets fields of a long-lived room on first use, on the
// request path. The owner is whoever asked first: set from the request,
// it is state (the first request wins, on each replica its own). The
// room's member table, made empty on first use the same way, is what
// every replica does alike (the clean twin).
package lazyowner

import "net/http"

// Room is one chat room.
type Room struct {
	owner   *string
	members map[string]bool
}

// Claim makes the first caller the owner.
func (r *Room) Claim(name string) {
	if r.owner == nil {
		r.owner = &name // want `mutable server variable room.owner is written by handler for "/claim"`
	}
}

// Members lists the room's members, making the table on first use.
func (r *Room) Members() []string {
	if r.members == nil {
		r.members = map[string]bool{}
	}
	var out []string
	for m := range r.members {
		out = append(out, m)
	}
	return out
}

var room = &Room{}

func claim(w http.ResponseWriter, r *http.Request) { room.Claim(r.FormValue("name")) }

func members(w http.ResponseWriter, r *http.Request) {
	for _, m := range room.Members() {
		w.Write([]byte(m + "\n"))
	}
}

func init() {
	http.HandleFunc("/claim", claim)
	http.HandleFunc("/members", members)
}
