// Command ifacejobs calls its store through an interface, as services
// whose composition root picks the implementation do: the effects are
// those of the implementations in reach.
package main

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"sync"
	"time"

	"singlereplica/ifacestore"
)

var db *sql.DB

func main() {
	ifacestore.Open(db)
	go monitor(context.Background(), "https://example.com")
	go evict(context.Background(), ifacestore.NewCache())
	a := &API{accounts: ifacestore.NewAccounts(db)}
	http.HandleFunc("POST /withdraw", a.withdraw)
	http.HandleFunc("POST /withdraw2", a.tryWithdraw)
	http.ListenAndServe(":8080", nil)
}

// monitor checks an endpoint on a ticker and records the result: with
// the SQL store, every replica inserts its own row per check.
func monitor(ctx context.Context, url string) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select { // want `ticker loop in monitor runs on every replica and writes the SQL database`
		case <-ctx.Done():
			return
		case <-t.C:
			resp, err := http.Get(url)
			ok := err == nil && resp.StatusCode == http.StatusOK
			ifacestore.Get().InsertResult(url, ok)
		}
	}
}

// evict clears this replica's cache through an interface whose only
// implementation is in memory: clean.
func evict(ctx context.Context, c ifacestore.Cache) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c.Evict()
		}
	}
}

type API struct {
	mu       sync.Mutex
	accounts ifacestore.Accounts
}

// withdraw reads and writes back through the interface under a mutex.
func (a *API) withdraw(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock() // want `in-process lock API.mu is held by handler for "POST /withdraw" around a read and a dependent write of the SQL database`
	defer a.mu.Unlock()
	bal := a.accounts.Balance(id)
	if bal < amount {
		http.Error(w, "insufficient funds", http.StatusConflict)
		return
	}
	a.accounts.SetBalance(id, bal-amount)
}

// tryWithdraw has the store check the balance: clean.
func (a *API) tryWithdraw(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.accounts.TryWithdraw(r.FormValue("id"), amount) {
		http.Error(w, "insufficient funds", http.StatusConflict)
	}
}
