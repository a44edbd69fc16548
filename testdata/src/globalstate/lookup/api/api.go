// Package api takes pushed results of external endpoints. It looks the
// endpoint up in the configuration that every replica loads alike, and
// counts failures in a row on the endpoint itself: that count lives in
// the replica that took the push, and the next push, on another replica,
// starts from zero. Comparing the token it looked up, or counting on a
// copy, keeps nothing.
package api

import (
	"net/http"

	"globalstate/lookup/config"
)

func push(cfg *config.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ep := cfg.EndpointByKey(r.PathValue("key"))
		if ep == nil {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("Authorization") != "Bearer "+ep.Token {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		if r.URL.Query().Get("success") == "false" {
			ep.FailuresInARow++ // want `in-process counter cfg.Endpoints .*is written by handler for "POST /push/{key}"`
		}
	}
}

func alert(cfg *config.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ep, ok := cfg.Named(r.PathValue("name")); ok {
			ep.Triggered = true // want `in-process flag cfg.byName .*is written by handler for "POST /alert/{name}"`
		}
	}
}

func check(cfg *config.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ep, err := cfg.EndpointCopy(r.PathValue("key"))
		if err != nil || r.Header.Get("Authorization") != "Bearer "+ep.Token {
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		}
		ep.FailuresInARow = 0
		w.Write([]byte(ep.Key))
	}
}

func Register(mux *http.ServeMux, cfg *config.Config) {
	mux.HandleFunc("POST /push/{key}", push(cfg))
	mux.HandleFunc("POST /alert/{name}", alert(cfg))
	mux.HandleFunc("GET /check/{key}", check(cfg))
}
