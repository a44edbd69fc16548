// Package crosspkg locks around reads and writes that walletstore makes.
package crosspkg

import (
	"database/sql"
	"net/http"
	"strconv"
	"sync"

	"singlereplica/walletstore"
)

type API struct {
	db *sql.DB
	mu sync.Mutex
}

func (a *API) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /withdraw", a.withdraw)
	mux.HandleFunc("POST /withdraw2", a.withdrawInStore)
	mux.HandleFunc("POST /withdraw3", a.tryWithdraw)
}

// withdraw reads through one helper and writes through another.
func (a *API) withdraw(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock() // want `in-process lock API.mu is held by handler for "POST /withdraw" around a read and a dependent write of the SQL database`
	defer a.mu.Unlock()
	bal := walletstore.Balance(a.db, id)
	if bal < amount {
		http.Error(w, "insufficient funds", http.StatusConflict)
		return
	}
	walletstore.SetBalance(a.db, id, bal-amount)
}

// withdrawInStore locks around a helper that reads and writes back.
func (a *API) withdrawInStore(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock() // want `in-process lock API.mu is held by handler for "POST /withdraw2" around a read and a dependent write of the SQL database`
	walletstore.Withdraw(a.db, r.FormValue("id"), amount)
	a.mu.Unlock()
}

// tryWithdraw locks around a conditional UPDATE: clean.
func (a *API) tryWithdraw(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock()
	defer a.mu.Unlock()
	if walletstore.Balance(a.db, r.FormValue("id")) < amount {
		return
	}
	walletstore.TryWithdraw(a.db, r.FormValue("id"), amount)
}
