// Package queuetable is a message queue service of its own: a table of
// named queues whose entries count what they delivered. The counts add to
// the entries, as a balance's would, and the table is still a queue; a
// table of balances keyed by account stays records.
package queuetable

import (
	"net/http"
	"strconv"
	"sync"
)

type queue struct {
	messages  []string
	delivered int
}

var (
	mu     sync.Mutex
	queues = map[string]*queue{}
)

func send(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	q := queues[r.FormValue("queue")]
	q.messages = append(q.messages, r.FormValue("body")) // want `in-process queue queues is written by handler for "POST /send": work queued on one replica`
}

func receive(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	q := queues[r.FormValue("queue")]
	n, _ := strconv.Atoi(r.FormValue("max"))
	n = min(n, len(q.messages))
	for _, m := range q.messages[:n] {
		w.Write([]byte(m))
	}
	q.messages = q.messages[n:] // want `in-process queue queues is written by handler for "POST /receive": work queued on one replica`
	q.delivered += n
}

var balances = map[string]int{}

func deposit(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	mu.Lock()
	defer mu.Unlock()
	balances[r.FormValue("account")] += amount // want `in-memory records table balances is written by handler for "POST /deposit": `
}

func init() {
	http.HandleFunc("POST /send", send)
	http.HandleFunc("POST /receive", receive)
	http.HandleFunc("POST /deposit", deposit)
}
