// Package pgxpool is a stub of github.com/jackc/pgx/v5@v5.12.0 for statelint's tests: only the signatures the tests use.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

type Pool struct {
	connString string
}

func New(ctx context.Context, connString string) (*Pool, error) {
	return &Pool{connString: connString}, nil
}

func (p *Pool) Close() {}
func (p *Pool) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row { return nil }
