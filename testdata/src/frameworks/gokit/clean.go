package gokit

import (
	"context"
	"database/sql"
	"net/http"
	"strings"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"
)

// The clean twin: the service records each call in the database, and the
// logging middleware keeps only per-request values.
type cleanService struct {
	db *sql.DB
}

func (s cleanService) Uppercase(ctx context.Context, in string) string {
	s.db.ExecContext(ctx, "INSERT INTO calls (input) VALUES ($1)", in)
	return strings.ToUpper(in)
}

func makeCleanEndpoint(svc cleanService) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		return svc.Uppercase(ctx, request.(uppercaseRequest).S), nil
	}
}

func timing(next endpoint.Endpoint) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		resp, err := next(ctx, request)
		return resp, err
	}
}

func cleanServe(db *sql.DB) {
	h := httptransport.NewServer(timing(makeCleanEndpoint(cleanService{db: db})), decodeUppercaseRequest, httptransport.EncodeJSONResponse)
	http.Handle("/v2/uppercase", h)
}
