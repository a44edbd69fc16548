// Package memstore is a stub of github.com/alexedwards/scs/v2/memstore@v2.9.0 for statelint's tests: only the signatures the tests use.
package memstore

import "time"

type MemStore struct{}

func New() *MemStore { return &MemStore{} }

func (m *MemStore) Delete(token string) error                             { return nil }
func (m *MemStore) Find(token string) ([]byte, bool, error)               { return nil, false, nil }
func (m *MemStore) Commit(token string, b []byte, expiry time.Time) error { return nil }
