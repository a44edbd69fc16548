// Package store wraps session stores for the application. Its exported
// constructors return the store they make, so the application's call is
// where the in-memory store is chosen, and that is where it is reported.
package store

import (
	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-contrib/sessions/memstore"
)

// Memory returns sessions kept in this process.
func Memory(secret []byte) sessions.Store { // want Memory:`session store constructor \(memory\)`
	return memstore.NewStore(secret)
}

// Wrapped returns the memory store inside a struct of its own.
type Wrapped struct{ sessions.Store }

func NewWrapped(secret []byte) *Wrapped { // want NewWrapped:`session store constructor \(memory\)`
	return &Wrapped{Store: memstore.NewStore(secret)}
}

// Signed keeps the whole session in a signed cookie: clean.
func Signed(secret []byte) sessions.Store {
	return cookie.NewStore(secret)
}
