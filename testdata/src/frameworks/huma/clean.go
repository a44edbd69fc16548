package huma

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

// The clean twins: the operations keep nothing of their own; reviews are
// rows in the database, and the operation's options are set once.
type reviewStore struct{ db *sql.DB }

func (s *reviewStore) post(ctx context.Context, in *ReviewInput) (*struct{}, error) {
	_, err := s.db.ExecContext(ctx, "INSERT INTO reviews (text) VALUES ($1)", in.Body.Text)
	return nil, err
}

func cleanGreet(ctx context.Context, in *GreetingInput) (*GreetingOutput, error) {
	out := &GreetingOutput{}
	out.Body.Message = "Hello, " + in.Name
	return out, nil
}

var documented []string

func cleanRegister(api huma.API, db *sql.DB) {
	s := &reviewStore{db: db}
	huma.Register(api, huma.Operation{Method: http.MethodPost, Path: "/v2/reviews"}, s.post)
	huma.Get(api, "/v2/greeting/{name}", cleanGreet, func(o *huma.Operation) {
		documented = append(documented, o.Path) // at registration, once
	})
}
