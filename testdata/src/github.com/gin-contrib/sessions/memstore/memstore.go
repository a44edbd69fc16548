// Package memstore is a stub of github.com/gin-contrib/sessions@v1.0.4 for statelint's tests: only the signatures the tests use.
package memstore

import (
	"net/http"

	"github.com/gin-contrib/sessions"
	gsessions "github.com/gorilla/sessions"
)

type Store interface {
	sessions.Store
}

// NewStore keeps session values in this process's memory (quasoft/memstore
// in the real module); only the session ID travels in the cookie.
func NewStore(keyPairs ...[]byte) Store { return &store{} }

type store struct{}

func (c *store) Get(r *http.Request, name string) (*gsessions.Session, error) { return nil, nil }
func (c *store) New(r *http.Request, name string) (*gsessions.Session, error) { return nil, nil }
func (c *store) Save(r *http.Request, w http.ResponseWriter, s *gsessions.Session) error {
	return nil
}
func (c *store) Options(options sessions.Options) {}
