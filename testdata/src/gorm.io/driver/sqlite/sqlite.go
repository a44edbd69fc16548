// Package sqlite is a stub of gorm.io/driver/sqlite@v1.6.0 for statelint's tests: only the signatures the tests use.
package sqlite

import "gorm.io/gorm"

type dialector struct{ dsn string }

func (dialector) Name() string { return "sqlite" }

// Open opens the SQLite file at dsn.
func Open(dsn string) gorm.Dialector { return dialector{dsn} }
