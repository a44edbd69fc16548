// Package lazyload loads a catalogue from an embedded file on first use,
// guarded by one of its fields still being empty, as mailpit's HTML check
// does: every replica loads the same file into the same catalogue, so it
// is a memo: silent. Its twin fills a catalogue the same way from the
// first request's body, which every later request reads back: reported,
// like a count of loads the branch keeps beside the catalogue.
package lazyload

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
)

//go:embed data.json
var files embed.FS

type catalogue struct {
	Version  string            `json:"version"`
	Features map[string]string `json:"features"`
}

var (
	cat      = catalogue{}
	firstCat = catalogue{}
	loads    int
)

func load() error {
	if cat.Version != "" {
		return nil
	}
	loads++ // want `loads is written by handler for "GET /check"`
	b, err := files.ReadFile("data.json")
	if err != nil {
		return err
	}
	cat = catalogue{}
	return json.Unmarshal(b, &cat)
}

func check(w http.ResponseWriter, r *http.Request) {
	if err := load(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write([]byte(cat.Features[r.FormValue("feature")]))
}

func adopt(r *http.Request) error {
	if firstCat.Version != "" {
		return nil
	}
	firstCat = catalogue{} // want `firstCat is written by handler for "POST /adopt"`
	return json.NewDecoder(r.Body).Decode(&firstCat)
}

func adoptHandler(w http.ResponseWriter, r *http.Request) {
	if err := adopt(r); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Write([]byte(firstCat.Version))
}

func stats(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "%d loads", loads)
}

func main() {
	http.HandleFunc("GET /stats", stats)
	http.HandleFunc("GET /check", check)
	http.HandleFunc("POST /adopt", adoptHandler)
	http.ListenAndServe(":8080", nil)
}
