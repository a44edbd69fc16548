// Package sqlstore implements the stores on a SQL database.
package sqlstore

import "database/sql"

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) InsertResult(endpoint string, ok bool) error {
	_, err := s.db.Exec("INSERT INTO results (endpoint, ok) VALUES ($1, $2)", endpoint, ok)
	return err
}

func (s *Store) Results(endpoint string) []bool {
	rows, _ := s.db.Query("SELECT ok FROM results WHERE endpoint = $1", endpoint)
	var out []bool
	for rows.Next() {
		var ok bool
		rows.Scan(&ok)
		out = append(out, ok)
	}
	return out
}

type Accounts struct{ db *sql.DB }

func NewAccounts(db *sql.DB) *Accounts { return &Accounts{db: db} }

func (a *Accounts) Balance(id string) int {
	var bal int
	a.db.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	return bal
}

func (a *Accounts) SetBalance(id string, bal int) {
	a.db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal, id)
}

func (a *Accounts) TryWithdraw(id string, amount int) bool {
	res, _ := a.db.Exec("UPDATE wallets SET balance = balance - $1 WHERE id = $2 AND balance >= $1", amount, id)
	n, _ := res.RowsAffected()
	return n == 1
}
