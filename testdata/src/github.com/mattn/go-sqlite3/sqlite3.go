// Package sqlite3 is a stub of github.com/mattn/go-sqlite3@v1.14.53 for statelint's tests: only the signatures the tests use.
// Importing it (usually blank) registers the "sqlite3" database/sql driver.
package sqlite3

import (
	"database/sql"
	"database/sql/driver"
	"errors"
)

var driverName = "sqlite3"

func init() {
	if driverName != "" {
		sql.Register(driverName, &SQLiteDriver{})
	}
}

type SQLiteDriver struct{}

func (d *SQLiteDriver) Open(dsn string) (driver.Conn, error) { return nil, errors.New("stub") }
