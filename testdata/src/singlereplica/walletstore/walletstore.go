// Package walletstore does the database reads and writes of
// singlereplica/crosspkg one call down.
package walletstore

import "database/sql"

// Balance reads a balance.
func Balance(db *sql.DB, id string) int { // want Balance:`extio\(read sql via \(\*sql.DB\).QueryRow; returns sql\)`
	var bal int
	db.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	return bal
}

// SetBalance writes one.
func SetBalance(db *sql.DB, id string, bal int) error { // want SetBalance:`extio\(write sql via \(\*sql.DB\).Exec; param 1 written to sql; param 2 written to sql\)`
	_, err := db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal, id)
	return err
}

// Withdraw reads and writes back in one function.
func Withdraw(db *sql.DB, id string, amount int) { // want Withdraw:`extio\(read sql via .*; write sql via .*; rmw sql via walletstore.SetBalance > \(\*sql.DB\).Exec; param 1 written to sql; param 2 written to sql\)`
	bal := Balance(db, id)
	SetBalance(db, id, bal-amount)
}

// TryWithdraw lets the database check the balance.
func TryWithdraw(db *sql.DB, id string, amount int) bool { // want TryWithdraw:`extio\(write sql enforced via \(\*sql.DB\).Exec\)`
	res, _ := db.Exec("UPDATE wallets SET balance = balance - $1 WHERE id = $2 AND balance >= $1", amount, id)
	n, _ := res.RowsAffected()
	return n == 1
}
