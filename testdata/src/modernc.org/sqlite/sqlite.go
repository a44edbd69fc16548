// Package sqlite is a stub of modernc.org/sqlite@v1.61.1 for statelint's tests: only the signatures the tests use.
// Importing it (usually blank) registers the "sqlite" database/sql driver.
package sqlite

import (
	"database/sql"
	"database/sql/driver"
	"errors"
)

const driverName = "sqlite"

func init() {
	sql.Register(driverName, defaultDriver())
}

type Driver struct{}

var d = &Driver{}

func defaultDriver() *Driver { return d }

func (d *Driver) Open(name string) (conn driver.Conn, err error) { return nil, errors.New("stub") }
