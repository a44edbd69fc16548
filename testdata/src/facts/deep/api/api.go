// Package api reaches facts/store two imports down, through service: the
// directive on store.Audit silences its findings here too.
package api

import (
	"net/http"

	"facts/deep/service"
)

func handle(w http.ResponseWriter, r *http.Request) {
	service.Audit(r.URL.Path)
	service.Keep(r.URL.Path, r.RemoteAddr) // want `in-memory records table store.items is written by handler for "/"`
}

func main() {
	http.HandleFunc("/", handle)
}
