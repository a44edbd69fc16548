// Package gokit is a go-kit string service whose endpoints keep state in
// process memory. clean.go has the clean twins.
package gokit

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"
)

type uppercaseRequest struct {
	S string `json:"s"`
}

// (1) A count of calls, kept by the endpoint.
var calls int

// (2) The last input of every client, kept by the service.
type stringService struct {
	last map[string]string
}

func (s *stringService) Uppercase(client, in string) string {
	s.last[client] = in // want `svc.last is written by handler for "/uppercase"`
	return strings.ToUpper(in)
}

func makeUppercaseEndpoint(svc *stringService) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(uppercaseRequest)
		calls++ // want `in-process counter calls is written by handler for "/uppercase"`
		return svc.Uppercase("client", req.S), nil
	}
}

func decodeUppercaseRequest(_ context.Context, r *http.Request) (interface{}, error) {
	var request uppercaseRequest
	err := json.NewDecoder(r.Body).Decode(&request)
	return request, err
}

func serve() {
	svc := &stringService{last: map[string]string{}}
	uppercaseHandler := httptransport.NewServer(
		makeUppercaseEndpoint(svc),
		decodeUppercaseRequest,
		httptransport.EncodeJSONResponse,
	)
	http.Handle("/uppercase", uppercaseHandler)
}
