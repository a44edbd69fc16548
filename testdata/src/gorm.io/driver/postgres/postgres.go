// Package postgres is a stub of gorm.io/driver/postgres@v1.6.0 for statelint's tests: only the signatures the tests use.
package postgres

import "gorm.io/gorm"

type dialector struct{ dsn string }

func (dialector) Name() string { return "postgres" }

// Open connects to the Postgres server dsn names.
func Open(dsn string) gorm.Dialector { return dialector{dsn} }
