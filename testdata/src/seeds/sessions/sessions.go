// Package sessions is seed 000's and seed 002's in-memory session store:
// login writes the session keyed by a cookie, the dashboard reads it.
package sessions

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"sync"
)

type User struct{ Name string }

var (
	mu       sync.Mutex
	sessions = map[string]User{}
)

func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func login(w http.ResponseWriter, r *http.Request) {
	id := newID()
	mu.Lock()
	sessions[id] = User{Name: r.FormValue("user")} // want `in-memory session store sessions is written by handler for "POST /login": a user logged in or holding a cart on one replica is unknown to the next replica.*keep sessions in Redis \(or a database\) or in a signed token such as a JWT with a short expiry`
	mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: id})
}

func dashboard(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("sid")
	if err != nil {
		return
	}
	mu.Lock()
	u, ok := sessions[c.Value]
	mu.Unlock()
	if ok {
		w.Write([]byte(u.Name))
	}
}

// getSession is seed 000's exercise: a session looked up by a header.
func getSession(w http.ResponseWriter, r *http.Request) {
	_ = sessions[r.Header.Get("Session-ID")]
}

func main() {
	http.HandleFunc("POST /login", login)
	http.HandleFunc("GET /dashboard", dashboard)
	http.HandleFunc("GET /api/session", getSession)
	http.ListenAndServe(":8080", nil)
}
