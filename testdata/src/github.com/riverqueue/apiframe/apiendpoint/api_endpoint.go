// Package apiendpoint is a stub of github.com/riverqueue/apiframe's
// apiendpoint: API endpoints of the program's own types, each mounted on
// an http.ServeMux at the pattern its Meta gives, whose Execute runs once
// per request with the request decoded into the program's struct.
package apiendpoint

import (
	"context"
	"log/slog"
	"net/http"
)

// Endpoint is embedded in each endpoint: the parts Mount sets.
type Endpoint[TReq any, TResp any] struct {
	logger *slog.Logger
	meta   *EndpointMeta
}

// SetLogger sets the endpoint's logger.
func (e *Endpoint[TReq, TResp]) SetLogger(logger *slog.Logger) { e.logger = logger }

// SetMeta sets the endpoint's metadata.
func (e *Endpoint[TReq, TResp]) SetMeta(meta *EndpointMeta) { e.meta = meta }

// EndpointInterface is what every endpoint has.
type EndpointInterface interface {
	Meta() *EndpointMeta
	SetLogger(logger *slog.Logger)
	SetMeta(meta *EndpointMeta)
}

// EndpointExecuteInterface is an endpoint with its Execute.
type EndpointExecuteInterface[TReq any, TResp any] interface {
	EndpointInterface
	Execute(ctx context.Context, req *TReq) (*TResp, error)
}

// EndpointMeta is where an endpoint is mounted.
type EndpointMeta struct {
	Pattern    string
	StatusCode int
}

// MountOpts configures Mount.
type MountOpts struct {
	Logger *slog.Logger
}

// Mount serves apiEndpoint on mux at its Meta's pattern. (The stub
// keeps no body: a module dependency gets no SSA, so what statelint
// knows of Mount is its knowledge row.)
func Mount[TReq any, TResp any](mux *http.ServeMux, apiEndpoint EndpointExecuteInterface[TReq, TResp], opts *MountOpts) EndpointInterface {
	apiEndpoint.SetMeta(apiEndpoint.Meta())
	return apiEndpoint
}
