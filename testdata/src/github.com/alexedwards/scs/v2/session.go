// Package scs is a stub of github.com/alexedwards/scs/v2@v2.9.0 for statelint's tests: only the signatures the tests use.
package scs

import (
	"context"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2/memstore"
)

type Store interface {
	Delete(token string) (err error)
	Find(token string) (b []byte, found bool, err error)
	Commit(token string, b []byte, expiry time.Time) (err error)
}

type SessionManager struct {
	IdleTimeout time.Duration
	Lifetime    time.Duration
	Store       Store
}

func New() *SessionManager {
	return &SessionManager{Lifetime: 24 * time.Hour, Store: memstore.New()}
}

func (s *SessionManager) LoadAndSave(next http.Handler) http.Handler           { return next }
func (s *SessionManager) Put(ctx context.Context, key string, val interface{}) {}
func (s *SessionManager) GetString(ctx context.Context, key string) string     { return "" }
func (s *SessionManager) RenewToken(ctx context.Context) error                 { return nil }
