// Package gormwallet withdraws through gorm under an in-process mutex,
// and its clean twins: a conditional Where, a locking clause.
package gormwallet

import (
	"net/http"
	"strconv"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Wallet struct {
	ID      string
	Balance int
}

type API struct {
	db *gorm.DB
	mu sync.Mutex
}

func (a *API) withdraw(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock() // want `in-process lock API.mu is held by handler \(\*API\).withdraw around a read and a dependent write of the SQL database`
	defer a.mu.Unlock()
	var wl Wallet
	a.db.Where("id = ?", r.FormValue("id")).First(&wl)
	if wl.Balance < amount {
		return
	}
	wl.Balance -= amount
	a.db.Save(&wl)
}

// withdrawWhere lets the UPDATE's condition check the balance: clean.
func (a *API) withdrawWhere(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock()
	defer a.mu.Unlock()
	var wl Wallet
	a.db.Where("id = ?", r.FormValue("id")).First(&wl)
	a.db.Model(&wl).Where("balance >= ?", amount).Update("balance", wl.Balance-amount)
}

// withdrawLocked reads the row with a locking clause: clean.
func (a *API) withdrawLocked(w http.ResponseWriter, r *http.Request) {
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	a.mu.Lock()
	defer a.mu.Unlock()
	a.db.Transaction(func(tx *gorm.DB) error {
		var wl Wallet
		tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", r.FormValue("id")).First(&wl)
		wl.Balance -= amount
		return tx.Save(&wl).Error
	})
	var wl Wallet
	a.db.Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", r.FormValue("id")).First(&wl)
	wl.Balance -= amount
	a.db.Save(&wl)
}
