package api

import (
	"net/http"
	"strconv"
	"sync"
)

// withdrawMu serialises withdrawals: in this replica only.
var withdrawMu sync.Mutex

// withdraw is the seed's wallet withdrawal: with two replicas both read
// the old balance and the account is overdrawn.
func (s *Server) withdraw(w http.ResponseWriter, r *http.Request) {
	user := s.user(r)
	amount, err := strconv.Atoi(r.FormValue("amount"))
	if err != nil || amount <= 0 {
		http.Error(w, "bad amount", http.StatusBadRequest)
		return
	}
	withdrawMu.Lock()
	defer withdrawMu.Unlock()
	var balance int
	if err := s.db.QueryRow("SELECT balance FROM wallets WHERE owner = $1", user).Scan(&balance); err != nil {
		http.Error(w, "no wallet", http.StatusNotFound)
		return
	}
	if balance < amount {
		http.Error(w, "insufficient funds", http.StatusConflict)
		return
	}
	if _, err := s.db.Exec("UPDATE wallets SET balance = $1 WHERE owner = $2", balance-amount, user); err != nil {
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
