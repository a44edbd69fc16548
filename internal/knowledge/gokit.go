package knowledge

// go-kit: an endpoint.Endpoint serves one request, whatever transport
// (httptransport.NewServer, grpctransport.NewServer) decodes it; the
// functions made into one, and the middleware wrapping them, are entry
// points.
var goKit = Framework{
	Name:       "go-kit",
	EntryTypes: []string{"github.com/go-kit/kit/endpoint.Endpoint"},
}
