// Package gorm is a stub of github.com/gin-contrib/sessions@v1.0.4 for statelint's tests: only the signatures the tests use.
package gorm

import (
	"github.com/gin-contrib/sessions"
	"gorm.io/gorm"
)

// NewStore keeps sessions in the database d.
func NewStore(d *gorm.DB, expiredSessionCleanup bool, keyPairs ...[]byte) sessions.Store {
	return nil
}
