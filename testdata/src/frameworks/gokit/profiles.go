package gokit

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"sync"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"
)

// (3) A service interface with an in-memory implementation, reached by
// one endpoint closure per method: one table of records, whatever
// endpoint writes it. A create that refuses a taken ID still stores what
// the request brought, and is no get-or-load cache.
type Profile struct {
	ID   string
	Name string
}

type ProfileService interface {
	PostProfile(ctx context.Context, p Profile) error
	PutProfile(ctx context.Context, id string, p Profile) error
}

var errExists = errors.New("already exists")

type inmemService struct {
	mtx sync.RWMutex
	m   map[string]Profile
}

func NewInmemService() ProfileService {
	return &inmemService{m: map[string]Profile{}}
}

func (s *inmemService) PostProfile(ctx context.Context, p Profile) error {
	s.mtx.Lock()
	defer s.mtx.Unlock()
	if _, ok := s.m[p.ID]; ok {
		return errExists // POST creates, it does not overwrite
	}
	s.m[p.ID] = p // want `in-memory records table s.m \(implemented in memory by \*inmemService\) is written by handler for "/profiles"`
	return nil
}

func (s *inmemService) PutProfile(ctx context.Context, id string, p Profile) error {
	s.mtx.Lock()
	defer s.mtx.Unlock()
	s.m[id] = p // want `in-memory records table s.m \(implemented in memory by \*inmemService\) is written by handler for "/profiles/put"`
	return nil
}

type postProfileRequest struct {
	Profile Profile
}

type putProfileRequest struct {
	ID      string
	Profile Profile
}

func MakePostProfileEndpoint(s ProfileService) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(postProfileRequest)
		return nil, s.PostProfile(ctx, req.Profile)
	}
}

func MakePutProfileEndpoint(s ProfileService) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(putProfileRequest)
		return nil, s.PutProfile(ctx, req.ID, req.Profile)
	}
}

func decodeProfile(_ context.Context, r *http.Request) (interface{}, error) {
	return postProfileRequest{Profile: Profile{ID: r.FormValue("id"), Name: r.FormValue("name")}}, nil
}

func serveProfiles() {
	s := NewInmemService()
	http.Handle("/profiles", httptransport.NewServer(MakePostProfileEndpoint(s), decodeProfile, httptransport.EncodeJSONResponse))
	http.Handle("/profiles/put", httptransport.NewServer(MakePutProfileEndpoint(s), decodeProfile, httptransport.EncodeJSONResponse))
}

// The clean twin: the same service kept in Postgres.
type sqlService struct {
	db *sql.DB
}

func NewSQLService(db *sql.DB) ProfileService {
	return &sqlService{db: db}
}

func (s *sqlService) PostProfile(ctx context.Context, p Profile) error {
	_, err := s.db.ExecContext(ctx, "INSERT INTO profiles (id, name) VALUES ($1, $2)", p.ID, p.Name)
	return err
}

func (s *sqlService) PutProfile(ctx context.Context, id string, p Profile) error {
	_, err := s.db.ExecContext(ctx, "UPDATE profiles SET name = $2 WHERE id = $1", id, p.Name)
	return err
}

func serveSQLProfiles(db *sql.DB) {
	s := NewSQLService(db)
	http.Handle("/v2/profiles", httptransport.NewServer(MakePostProfileEndpoint(s), decodeProfile, httptransport.EncodeJSONResponse))
}
