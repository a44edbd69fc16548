// Package cookie is a stub of github.com/gin-contrib/sessions@v1.0.4 for statelint's tests: only the signatures the tests use.
package cookie

import (
	"github.com/gin-contrib/sessions"
	gsessions "github.com/gorilla/sessions"
)

type Store interface {
	sessions.Store
}

// NewStore keeps the whole session in a signed cookie (gorilla's CookieStore).
func NewStore(keyPairs ...[]byte) Store {
	return &store{gsessions.NewCookieStore(keyPairs...)}
}

type store struct {
	*gsessions.CookieStore
}

func (c *store) Options(options sessions.Options) {
	c.CookieStore.Options = options.ToGorillaOptions()
}
