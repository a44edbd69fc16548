// Package demodb is a database/sql driver for running the shop without a
// database: products come from a fixed catalogue and statements that
// write are accepted and dropped. It keeps nothing, so every instance
// answers alike.
package demodb

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"strings"
)

// Driver is the name the driver is registered under.
const Driver = "shopdemo"

func init() { sql.Register(Driver, demoDriver{}) }

// catalogue is the demo's products by ID; it is never written.
var catalogue = map[string]string{"1": "book", "2": "pen", "3": "mug"}

type demoDriver struct{}

func (demoDriver) Open(string) (driver.Conn, error) { return conn{}, nil }

// conn answers queries directly (QueryerContext, ExecerContext), so it
// needs no prepared statements.
type conn struct{}

func (conn) Prepare(string) (driver.Stmt, error) {
	return nil, errors.New("demodb: prepared statements are not supported")
}
func (conn) Close() error              { return nil }
func (conn) Begin() (driver.Tx, error) { return nil, errors.New("demodb: no transactions") }

func (conn) ExecContext(context.Context, string, []driver.NamedValue) (driver.Result, error) {
	return driver.RowsAffected(1), nil
}

// QueryContext knows one query: a product's name by ID.
func (conn) QueryContext(_ context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if !strings.HasPrefix(query, "SELECT name FROM products") || len(args) != 1 {
		return nil, errors.New("demodb: unsupported query: " + query)
	}
	id, _ := args[0].Value.(string)
	name, ok := catalogue[id]
	return &rows{name: name, left: ok}, nil
}

// rows is a result of at most one row with one column.
type rows struct {
	name string
	left bool
}

func (*rows) Columns() []string { return []string{"name"} }
func (*rows) Close() error      { return nil }

func (r *rows) Next(dest []driver.Value) error {
	if !r.left {
		return io.EOF
	}
	r.left = false
	dest[0] = r.name
	return nil
}
