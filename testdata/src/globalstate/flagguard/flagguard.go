// Package flagguard returns early on a package-level flag set from
// configuration. What runs after the test is not lazy initialisation: the
// branch never sets the flag, so every request that passes it writes as
// usual. The twin initialises its client on the branch where it is nil.
package flagguard

import (
	"net/http"
	"os"
)

var (
	demoMode = os.Getenv("DEMO") != ""
	sent     int
	client   *http.Client
)

func send(w http.ResponseWriter, r *http.Request) {
	if demoMode {
		return
	}
	count()
	if client == nil {
		client = &http.Client{} // lazy initialisation: not a finding
	}
	client.Get("https://example.com/" + r.URL.Path)
}

func count() { sent++ } // want `in-process counter sent is written by handler for "/send"`

func init() { http.HandleFunc("/send", send) }
