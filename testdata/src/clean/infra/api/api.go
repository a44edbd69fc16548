// Package api logs through the service's own log package on a request
// path; the logger registry it fills is not a finding.
package api

import (
	"net/http"

	"clean/infra/log"
)

func handle(w http.ResponseWriter, r *http.Request) {
	log.Error("boom: " + r.URL.Path)
}

func main() { http.HandleFunc("/", handle) }
