package knowledge

// grpc service methods have no fixed signature: every method of a
// registered implementation that the service interface declares is an
// entry point.
var grpc = Framework{
	Name: "grpc",
	RPC: []RPCRegistration{
		// grpc's own registration, which generated code calls.
		{Recv: "*google.golang.org/grpc.Server", Names: []string{"RegisterService"}, ImplArg: 1, DescArg: 0},
		{Recv: "google.golang.org/grpc.ServiceRegistrar", Names: []string{"RegisterService"}, ImplArg: 1, DescArg: 0},
		// protoc-gen-go-grpc: func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer).
		// Code generated before grpc v1.32 takes *grpc.Server.
		{NamePrefix: "Register", NameSuffix: "Server",
			Params: []string{"google.golang.org/grpc.ServiceRegistrar", ""}, ImplArg: 1, DescArg: -1},
		{NamePrefix: "Register", NameSuffix: "Server",
			Params: []string{"*google.golang.org/grpc.Server", ""}, ImplArg: 1, DescArg: -1},
	},
	// Streaming RPCs: the handler's own stream parameter.
	Conns: []ConnSource{
		{"google.golang.org/grpc.ServerStreamingServer", "", -1},
		{"google.golang.org/grpc.BidiStreamingServer", "", -1},
	},
	// A generated client holds a ClientConnInterface.
	SafeTypes: []string{"google.golang.org/grpc.ClientConn", "google.golang.org/grpc.ClientConnInterface"},
}
