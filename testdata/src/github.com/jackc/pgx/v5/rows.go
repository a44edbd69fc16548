// Package pgx is a stub of github.com/jackc/pgx/v5@v5.12.0 for statelint's tests: only the signatures the tests use.
package pgx

type Row interface {
	Scan(dest ...any) error
}
