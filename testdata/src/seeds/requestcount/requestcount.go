// Package requestcount is seeds 002 and 003: a request counter kept in a
// package-level variable, and a balance updated in place (seed 001).
package requestcount

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

var requestCount int

var balance = 1000

var hits atomic.Int64

var nextID int64

func data(w http.ResponseWriter, r *http.Request) {
	requestCount++ // want `in-process counter requestCount is written by handler for "GET /api/data": each replica counts only the requests it served`
	fmt.Fprint(w, requestCount)
}

// UpdateBalance is seed 001's stateful function, reached from a handler.
func UpdateBalance(amount int) int {
	balance += amount // want `in-process balance or total balance is written by handler for "POST /deposit": replicas hold different balances.*keep balances and records in a database such as Postgres`
	return balance
}

func deposit(w http.ResponseWriter, r *http.Request) {
	UpdateBalance(500)
}

func hit(w http.ResponseWriter, r *http.Request) {
	hits.Add(1)                       // want `in-process counter hits is written by handler for "/hit"`
	id := atomic.AddInt64(&nextID, 1) // want `in-process ID sequence nextID is written by handler for "/hit"`
	fmt.Fprint(w, id)
}

func main() {
	requestCount = 0
	http.HandleFunc("GET /api/data", data)
	http.HandleFunc("POST /deposit", deposit)
	http.HandleFunc("/hit", hit)
	http.ListenAndServe(":8080", nil)
}
