package knowledge

// connect: handlers are matched by generic origin, whatever the message
// types. Generated New<Service>Handler functions register each method
// value under its procedure constant ("/greet.v1.GreetService/Greet");
// Connect serves POST (and GET for idempotent methods), so routes have no
// method.
var connect = Framework{
	Name: "connect",
	GenericHandlers: []HandlerSig{
		// Unary handlers.
		{Params: []string{"context.Context", "*connectrpc.com/connect.Request"}, Results: []string{"*connectrpc.com/connect.Response", "error"}},
		// Streaming handlers.
		{Params: []string{"context.Context", "*connectrpc.com/connect.Request", "*connectrpc.com/connect.ServerStream"}, Results: []string{"error"}},
		{Params: []string{"context.Context", "*connectrpc.com/connect.ClientStream"}, Results: []string{"*connectrpc.com/connect.Response", "error"}},
		{Params: []string{"context.Context", "*connectrpc.com/connect.BidiStream"}, Results: []string{"error"}},
	},
	Routes: []RouteCall{
		{Pkg: "connectrpc.com/connect", Names: []string{
			"NewUnaryHandler", "NewUnaryHandlerSimple",
			"NewClientStreamHandler", "NewClientStreamHandlerSimple",
			"NewServerStreamHandler", "NewServerStreamHandlerSimple",
			"NewBidiStreamHandler",
		}},
	},
	RPC: []RPCRegistration{
		// protoc-gen-connect-go: func NewGreetServiceHandler(svc GreetServiceHandler,
		// opts ...connect.HandlerOption) (string, http.Handler); the returned
		// path is mounted with mux.Handle, and each method is routed by the
		// NewUnaryHandler row of Routes.
		{NamePrefix: "New", NameSuffix: "Handler",
			Params:  []string{"", "[]connectrpc.com/connect.HandlerOption"},
			Results: []string{"string", httpHandler}, ImplArg: 0, DescArg: -1},
	},
	Conns: []ConnSource{
		{"connectrpc.com/connect.ServerStream", "", -1},
		{"connectrpc.com/connect.BidiStream", "", -1},
	},
}
