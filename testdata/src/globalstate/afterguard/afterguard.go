// Package afterguard writes state after a branch on a global that is not
// an initialisation guard: the code after "if debug { ... }" or "if client
// != nil { ... }" runs whether or not the global is set, on every request.
// The lazy-initialisation twins are in clean/lazyglobal.
package afterguard

import (
	"log"
	"net/http"
)

var (
	debug    bool
	auditLog *log.Logger
	served   int
	lastPath string
)

func handle(w http.ResponseWriter, r *http.Request) {
	if debug {
		log.Printf("request %s", r.URL.Path)
	}
	count()
	if auditLog != nil {
		auditLog.Printf("served %s", r.URL.Path)
	}
	remember(r.URL.Path)
}

func count() { served++ } // want `in-process counter served is written by handler for "/"`

func remember(p string) { lastPath = p } // want `mutable server variable lastPath is written by handler for "/"`

func main() {
	http.HandleFunc("/", handle)
	http.ListenAndServe(":8080", nil)
}
