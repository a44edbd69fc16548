// Package pending lets one broadcast of the mailbox totals be pending at
// a time, as mailpit does: the flag is raised by the function that runs
// the broadcast and lowered by the goroutine it starts, so between two
// broadcasts it is always false: silent, like a busy flag set and reset
// in one call. A pause flag one handler raises and another lowers, and a
// theme flag set on one branch and cleared on the other, keep what a
// request set: reported.
package pending

import (
	"net/http"
	"sync/atomic"
	"time"

	"globalstate/pending/notify"
)

var (
	busy             bool
	paused           atomic.Bool
	dark             bool
)

func compact() {
	busy = true
	defer func() { busy = false }()
	time.Sleep(time.Millisecond)
}

func deliver(w http.ResponseWriter, r *http.Request) {
	if paused.Load() {
		http.Error(w, "paused", http.StatusServiceUnavailable)
		return
	}
	notify.Broadcast()
	compact()
}

func pause(w http.ResponseWriter, r *http.Request) {
	paused.Store(true) // want `paused is written by handler for "POST /pause"`
}

func resume(w http.ResponseWriter, r *http.Request) {
	paused.Store(false) // want `paused is written by handler for "POST /resume"`
}

func setTheme(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("theme") == "dark" {
		dark = true // want `dark is written by handler for "POST /theme"`
	} else {
		dark = false
	}
}

func page(w http.ResponseWriter, r *http.Request) {
	if dark {
		w.Write([]byte("dark"))
	}
	if busy {
		w.Write([]byte("compacting"))
	}
}

func main() {
	http.HandleFunc("POST /deliver", deliver)
	http.HandleFunc("POST /pause", pause)
	http.HandleFunc("POST /resume", resume)
	http.HandleFunc("POST /theme", setTheme)
	http.HandleFunc("GET /", page)
	http.ListenAndServe(":8080", nil)
}
