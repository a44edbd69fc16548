// Package lastparsed keeps the last password-hash algorithm it parsed,
// with the specification it parsed it from, as gitea does: a one-slot
// memo keyed by that text, the algorithm made by a factory the program
// registered at init. Every replica parses the same specification into
// the same algorithm: silent, also where an empty specification means
// the default one. Its twin keeps the last specification a request
// sent, which another request reads back: reported.
package lastparsed

import (
	"net/http"
	"strings"
	"sync/atomic"
)

type algorithm struct {
	spec string
	cost int
}

var (
	last      atomic.Pointer[algorithm]
	factories = map[string]func(config string) int{}
	lastSeen  atomic.Pointer[string]
)

func init() {
	factories["bcrypt"] = func(config string) int { return len(config) }
}

func parse(spec string) *algorithm {
	if spec == "" {
		spec = "bcrypt$10"
	}
	if a := last.Load(); a != nil && a.spec == spec {
		return a
	}
	name, config, _ := strings.Cut(spec, "$")
	newCost, ok := factories[name]
	if !ok {
		return nil
	}
	a := &algorithm{spec: spec, cost: newCost(config)}
	last.Store(a)
	return a
}

func verify(w http.ResponseWriter, r *http.Request) {
	if parse(r.FormValue("spec")) == nil {
		w.WriteHeader(http.StatusBadRequest)
	}
}

func remember(w http.ResponseWriter, r *http.Request) {
	spec := r.FormValue("spec")
	lastSeen.Store(&spec) // want `lastSeen is written by handler for "POST /remember"`
}

func show(w http.ResponseWriter, r *http.Request) {
	if s := lastSeen.Load(); s != nil {
		w.Write([]byte(*s))
	}
}

func main() {
	http.HandleFunc("POST /verify", verify)
	http.HandleFunc("POST /remember", remember)
	http.HandleFunc("GET /show", show)
	http.ListenAndServe(":8080", nil)
}
