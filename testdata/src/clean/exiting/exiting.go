// Package exiting has a handler that can end the process, running exit
// hooks first, as rclone's interactive prompt does on "q". What is written
// on the way out dies with the process: not a finding.
package exiting

import (
	"log"
	"net/http"
	"os"
	"sync/atomic"
)

var (
	exitRan atomic.Int32
	hooks   []func()
)

func runHooks() {
	exitRan.Store(1)
	for _, h := range hooks {
		h()
	}
	hooks = nil
}

func quit(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("confirm") != "yes" {
		http.Error(w, "confirm", http.StatusBadRequest)
		return
	}
	runHooks()
	os.Exit(0)
}

var lastFailure string

func mustLoad(w http.ResponseWriter, r *http.Request) {
	if _, err := os.Stat(r.URL.Path); err != nil {
		lastFailure = err.Error()
		log.Fatalf("cannot load: %v", err)
	}
}

func main() {
	http.HandleFunc("POST /quit", quit)
	http.HandleFunc("/load", mustLoad)
	http.ListenAndServe(":8080", nil)
}
