// Package wallet holds withdrawals guarded by an in-process mutex, and
// their clean twins, in which the database enforces the balance check.
package wallet

import (
	"database/sql"
	"log"
	"net/http"
	"strconv"
	"sync"
)

var db *sql.DB

var withdrawMu sync.Mutex

// withdraw is the seed: the mutex serialises one replica only.
func withdraw(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	withdrawMu.Lock() // want `in-process lock withdrawMu is held by handler withdraw around a read and a dependent write of the SQL database: the mutex serialises only this replica's requests, so two replicas both read the old value and one write overwrites the other; make the store enforce it: a conditional UPDATE \(WHERE balance >= \$1\), SELECT ... FOR UPDATE in a transaction, a version column, Redis WATCH or a Lua script, or a distributed lock with fencing tokens`
	defer withdrawMu.Unlock()
	var bal int
	db.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	if bal < amount {
		http.Error(w, "insufficient funds", http.StatusConflict)
		return
	}
	db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal-amount, id)
}

// withdrawConditional lets the UPDATE check the balance: clean.
func withdrawConditional(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	withdrawMu.Lock()
	defer withdrawMu.Unlock()
	var bal int
	db.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	res, _ := db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2 AND balance >= $3", bal-amount, id, amount)
	if n, _ := res.RowsAffected(); n == 0 {
		http.Error(w, "insufficient funds", http.StatusConflict)
	}
}

// withdrawForUpdate locks the row in a transaction: clean.
func withdrawForUpdate(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	withdrawMu.Lock()
	defer withdrawMu.Unlock()
	tx, _ := db.BeginTx(r.Context(), nil)
	defer tx.Rollback()
	var bal int
	tx.QueryRow("SELECT balance FROM wallets WHERE id = $1 FOR UPDATE", id).Scan(&bal)
	if bal < amount {
		http.Error(w, "insufficient funds", http.StatusConflict)
		return
	}
	tx.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal-amount, id)
	tx.Commit()
}

// withdrawVersion updates optimistically on a version column: clean.
func withdrawVersion(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	withdrawMu.Lock()
	defer withdrawMu.Unlock()
	var bal, version int
	db.QueryRow("SELECT balance, version FROM wallets WHERE id = $1", id).Scan(&bal, &version)
	db.Exec("UPDATE wallets SET balance = $1, version = version + 1 WHERE id = $2 AND version = $3", bal-amount, id, version)
}

// withdrawSerializable runs in a serializable transaction: clean.
func withdrawSerializable(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	amount, _ := strconv.Atoi(r.FormValue("amount"))
	withdrawMu.Lock()
	defer withdrawMu.Unlock()
	tx, _ := db.BeginTx(r.Context(), &sql.TxOptions{Isolation: sql.LevelSerializable})
	var bal int
	tx.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	tx.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal-amount, id)
	tx.Commit()
}

// Server guards in-memory data with its mutex: not this check's finding.
type Server struct {
	mu     sync.Mutex
	counts map[string]int
	logMu  sync.Mutex
}

func (s *Server) count(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.counts[r.URL.Path]++
	s.mu.Unlock()
	var n int
	db.QueryRow("SELECT count(*) FROM visits").Scan(&n)
	db.Exec("INSERT INTO visits(n) VALUES ($1)", n+1)
}

// audit orders log lines under a mutex: clean.
func (s *Server) audit(w http.ResponseWriter, r *http.Request) {
	s.logMu.Lock()
	log.Printf("audit %s %s", r.Method, r.URL.Path)
	s.logMu.Unlock()
}

// rename reads and writes under the lock, but the write does not use
// what was read: clean.
func (s *Server) rename(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var exists bool
	db.QueryRow("SELECT true FROM users WHERE id = $1", r.FormValue("id")).Scan(&exists)
	db.Exec("UPDATE users SET name = $1 WHERE id = $2", r.FormValue("name"), r.FormValue("id"))
}

// markRead reads the unread messages and sets a literal on them under
// the lock: the write takes only keys from the read, and two replicas
// racing to it leave the rows as one would. Clean.
func (s *Server) markRead(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rows, _ := db.Query("SELECT id FROM messages WHERE read = 0 AND mailbox = $1", r.FormValue("mailbox"))
	for rows.Next() {
		var id int
		rows.Scan(&id)
		db.Exec("UPDATE messages SET read = 1, seen_at = now() WHERE id = $1", id)
	}
}

// markCount sets a value computed from the read under the lock: the
// twin of markRead, a lost update.
func (s *Server) markCount(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock() // want `in-process lock Server.mu is held by handler for "POST /count" around a read and a dependent write of the SQL database`
	defer s.mu.Unlock()
	var unread, id int
	db.QueryRow("SELECT id, unread FROM mailboxes WHERE name = $1", r.FormValue("mailbox")).Scan(&id, &unread)
	db.Exec("UPDATE mailboxes SET unread = $1 WHERE id = $2", unread-1, id)
}

// deposit holds the receiver's mutex around the read-then-write.
func (s *Server) deposit(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	s.mu.Lock() // want `in-process lock Server.mu is held by handler for "POST /deposit" around a read and a dependent write of the SQL database`
	var bal int
	db.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal+10, id)
	s.mu.Unlock()
}

// depositAfterUnlock writes after the Unlock: the mutex guards the read
// alone, which is not this form (and not worth a mutex either).
func (s *Server) depositAfterUnlock(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	s.mu.Lock()
	var bal int
	db.QueryRow("SELECT balance FROM wallets WHERE id = $1", id).Scan(&bal)
	s.mu.Unlock()
	db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal+10, id)
}

// local locks a mutex made for this request: it guards nothing shared.
func local(w http.ResponseWriter, r *http.Request) {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	var bal int
	db.QueryRow("SELECT balance FROM wallets WHERE id = $1", 1).Scan(&bal)
	db.Exec("UPDATE wallets SET balance = $1 WHERE id = $2", bal+1, 1)
}

func (s *Server) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /deposit", s.deposit)
	mux.HandleFunc("POST /read", s.markRead)
	mux.HandleFunc("POST /count", s.markCount)
}
