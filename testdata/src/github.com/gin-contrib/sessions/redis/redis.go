// Package redis is a stub of github.com/gin-contrib/sessions@v1.0.4 for statelint's tests: only the signatures the tests use.
package redis

import (
	"net/http"

	"github.com/gin-contrib/sessions"
	gsessions "github.com/gorilla/sessions"
)

type Store interface {
	sessions.Store
}

// NewStore keeps sessions in Redis (boj/redistore in the real module).
func NewStore(size int, network, address, username, password string, keyPairs ...[]byte) (Store, error) {
	return &store{}, nil
}

type store struct{}

func (c *store) Get(r *http.Request, name string) (*gsessions.Session, error) { return nil, nil }
func (c *store) New(r *http.Request, name string) (*gsessions.Session, error) { return nil, nil }
func (c *store) Save(r *http.Request, w http.ResponseWriter, s *gsessions.Session) error {
	return nil
}
func (c *store) Options(options sessions.Options) {}
