// Package perrequest keeps everything per request: locals, structs
// allocated in the handler, closures over locals, and a handler value
// created for each request. None of it outlives the request.
package perrequest

import (
	"encoding/json"
	"net/http"
	"sort"
	"sync"
)

type result struct {
	Count int
	Items []string
	Seen  map[string]bool
}

type requestScope struct{ hits int }

func (rs *requestScope) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rs.hits++
}

func handle(w http.ResponseWriter, r *http.Request) {
	res := &result{Seen: map[string]bool{}}
	count := 0
	var mu sync.Mutex
	add := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		count++
		res.Items = append(res.Items, s)
		res.Seen[s] = true
	}
	for _, s := range r.URL.Query()["q"] {
		add(s)
	}
	sort.Strings(res.Items)
	res.Count = count
	(&requestScope{}).ServeHTTP(w, r)
	json.NewEncoder(w).Encode(res)
}

func main() {
	http.HandleFunc("/", handle)
	http.ListenAndServe(":8080", nil)
}
