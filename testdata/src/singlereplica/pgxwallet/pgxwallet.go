// Package pgxwallet is the withdrawal with same-package helpers
// on pgx, and its clean twin.
package pgxwallet

import (
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
)

var (
	pool       *pgxpool.Pool
	withdrawMu sync.Mutex
)

func balanceOf(ctx context.Context, id string) int {
	var bal int
	pool.QueryRow(ctx, "SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	return bal
}

func setBalance(ctx context.Context, id string, bal int) {
	pool.Exec(ctx, "UPDATE wallets SET balance = $1 WHERE id = $2", bal, id)
}

func debit(ctx context.Context, id string, amount int) bool {
	tag, _ := pool.Exec(ctx, "UPDATE wallets SET balance = balance - $1 WHERE id = $2 AND balance >= $1", amount, id)
	return tag.RowsAffected() == 1
}

func withdraw(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	withdrawMu.Lock() // want `in-process lock withdrawMu is held by handler for "POST /withdraw" around a read and a dependent write of the SQL database`
	defer withdrawMu.Unlock()
	bal := balanceOf(r.Context(), id)
	if bal < amount {
		http.Error(w, "insufficient funds", http.StatusConflict)
		return
	}
	setBalance(r.Context(), id, bal-amount)
}

// withdrawChecked debits with a conditional UPDATE: clean.
func withdrawChecked(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	withdrawMu.Lock()
	defer withdrawMu.Unlock()
	if balanceOf(r.Context(), r.FormValue("id")) < amount || !debit(r.Context(), r.FormValue("id"), amount) {
		http.Error(w, "insufficient funds", http.StatusConflict)
	}
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /withdraw", withdraw)
	mux.HandleFunc("POST /withdraw/checked", withdrawChecked)
}
