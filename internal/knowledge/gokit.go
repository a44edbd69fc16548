package knowledge

// go-kit: an endpoint.Endpoint serves one request, whatever transport
// (httptransport.NewServer, grpctransport.NewServer) decodes it; the
// functions made into one, and the middleware wrapping them, are entry
// points.
var goKit = Framework{
	Name:       "go-kit",
	EntryTypes: []string{"github.com/go-kit/kit/endpoint.Endpoint"},
	// A transport client's endpoint calls another service: the middleware
	// wrapped around it (a rate limiter on outgoing calls) is this
	// process's own.
	Clients: []string{
		"github.com/go-kit/kit/transport/http.Client.Endpoint",
		"github.com/go-kit/kit/transport/grpc.Client.Endpoint",
		"github.com/go-kit/kit/transport/http/jsonrpc.Client.Endpoint",
	},
}
