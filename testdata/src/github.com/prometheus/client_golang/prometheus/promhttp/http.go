// Package promhttp is a stub of github.com/prometheus/client_golang@v1.25.0 for statelint's tests: only the signatures the tests use.
package promhttp

import "net/http"

func Handler() http.Handler { return http.NotFoundHandler() }
