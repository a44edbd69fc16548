// Package pgconn is a stub of github.com/jackc/pgx/v5@v5.12.0 for statelint's tests: only the signatures the tests use.
package pgconn

type CommandTag struct {
	s string
}

func (ct CommandTag) RowsAffected() int64 { return 0 }
