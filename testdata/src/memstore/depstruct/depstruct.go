// Package depstruct uses a cache library that no table names, and a
// client of an external store with the same method names. Dependencies
// have no summaries, so both are judged by the structure of their types:
// the cache holds a map and nothing that leaves the process; the client
// holds an HTTP client.
package depstruct

import (
	"net/http"

	"github.com/ReneKroon/ttlcache/v2"
	"github.com/hashicorp/consul/api"
)

var (
	profiles = ttlcache.NewCache()
	kv       *api.KV
)

func profile(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if p, err := profiles.Get(id); err == nil {
		w.Write([]byte(p.(string)))
		return
	}
	profiles.Set(id, "loaded") // want `in-process cache profiles is written by handler for "/profile"`
}

func save(w http.ResponseWriter, r *http.Request) {
	kv.Put(&api.KVPair{Key: r.URL.Path, Value: []byte(r.FormValue("v"))}, nil) // a write to Consul: not a finding
	if p, _, _ := kv.Get(r.URL.Path, nil); p != nil {
		w.Write(p.Value)
	}
}

func init() {
	c, _ := api.NewClient(&api.Config{})
	kv = c.KV()
	http.HandleFunc("/profile", profile)
	http.HandleFunc("/save", save)
}
