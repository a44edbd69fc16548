// Package apiframe is a riverqueue/apiframe service: each endpoint is a
// value of the program's own type mounted on a mux, and its Execute runs
// once per request. The job counter endpoint keeps a count in process
// memory; the listing endpoint reads the database and keeps nothing (the
// clean twin), and the metadata Mount sets once is not state.
package apiframe

import (
	"context"
	"database/sql"
	"net/http"
	"sync"

	"github.com/riverqueue/apiframe/apiendpoint"
)

type countRequest struct{ Queue string }

type countResponse struct{ Count int }

// countEndpoint counts the jobs each queue was asked about.
type countEndpoint struct {
	apiendpoint.Endpoint[countRequest, countResponse]
	mu     sync.Mutex
	counts map[string]int
}

func (*countEndpoint) Meta() *apiendpoint.EndpointMeta {
	return &apiendpoint.EndpointMeta{Pattern: "POST /api/count", StatusCode: http.StatusOK}
}

func (e *countEndpoint) Execute(ctx context.Context, req *countRequest) (*countResponse, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.counts[req.Queue]++ // want `in-process counter countEndpoint.counts is written by handler \(\*countEndpoint\).Execute`
	return &countResponse{Count: e.counts[req.Queue]}, nil
}

type listRequest struct{ Queue string }

type listResponse struct{ IDs []int64 }

// listEndpoint lists a queue's jobs from the database.
type listEndpoint struct {
	apiendpoint.Endpoint[listRequest, listResponse]
	db *sql.DB
}

func (*listEndpoint) Meta() *apiendpoint.EndpointMeta {
	return &apiendpoint.EndpointMeta{Pattern: "GET /api/jobs", StatusCode: http.StatusOK}
}

func (e *listEndpoint) Execute(ctx context.Context, req *listRequest) (*listResponse, error) {
	rows, err := e.db.QueryContext(ctx, "SELECT id FROM jobs WHERE queue = $1", req.Queue)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	resp := &listResponse{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		resp.IDs = append(resp.IDs, id)
	}
	return resp, rows.Err()
}

// Mount serves the endpoints.
func Mount(mux *http.ServeMux, db *sql.DB) {
	apiendpoint.Mount(mux, &countEndpoint{counts: map[string]int{}}, nil)
	apiendpoint.Mount(mux, &listEndpoint{db: db}, nil)
}
