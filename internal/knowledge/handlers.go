package knowledge

// Types are named by types.TypeString with full package paths, e.g.
// "net/http.ResponseWriter", "*net/http.Request", "*github.com/gin-gonic/gin.Context".

// A HandlerSig is a function signature that marks a request-path entry point:
// any function, method or closure whose parameters (after the receiver) and
// results have exactly these types is a handler of Framework.
type HandlerSig struct {
	Framework string
	Params    []string
	Results   []string
}

// TestPackagePrefix and TestPackageSuffix mark packages that support tests
// by Go's naming convention (httptest, wstest, testutil): their handlers
// serve tests, not production traffic, like handlers in _test.go files.
const (
	TestPackagePrefix = "test"
	TestPackageSuffix = "test"
)

// A RouteCall is a call that registers handlers for a route. The route's
// path is the constant string at argument PathArg (after the receiver); its
// HTTP method is Method, or the method name itself when MethodFromName is
// set (gin's r.GET, echo's e.POST, fiber's app.Post; upper-cased, so chi's
// r.Get is "GET"), or the method prefix of a Go 1.22 pattern
// ("POST /items/{id}"). Every argument after PathArg that is a function or
// handler value is registered for the route; fiber v3 takes them as any, so
// look through the conversion to interface.
//
// Methods promoted through embedding are named by the declaring receiver:
// gin's r.GET on an *Engine is (*RouterGroup).GET.
type RouteCall struct {
	Framework      string
	Recv           string // receiver type, or "" for a package-level function
	Pkg            string // package of the package-level function when Recv is ""
	Names          []string
	PathArg        int
	Method         string
	MethodFromName bool

	// MethodFromArg takes the method from the constant at argument
	// MethodArg: a string (httprouter's r.Handle("GET", path, h), chi's
	// r.Method) or a []string literal naming several (gin's r.Match, fiber
	// v3's app.Add). A separate flag because MethodArg 0 is a real index.
	MethodFromArg bool
	MethodArg     int

	// MethodCall names a method called on the call's result whose constant
	// arguments are the route's methods: gorilla/mux's
	// r.HandleFunc("/x", h).Methods("POST"). Without that call the route
	// matches every method.
	MethodCall string

	// PathField and MethodField, when set, take the path and the method
	// from those fields of the struct literal at PathArg rather than from
	// a constant: huma.Register(api, huma.Operation{Method: "GET", Path:
	// "/items"}, h).
	PathField, MethodField string
}

// A GroupCall returns a router whose routes are prefixed with the constant
// at argument PrefixArg (gin's r.Group("/api"), echo's e.Group, fiber's
// app.Group, chi's r.Route and r.Mount).
type GroupCall struct {
	Framework string
	Recv      string
	Names     []string
	PrefixArg int

	// By says where the grouped router is; the zero value is the call's
	// result.
	By GroupedBy
	// NoPrefix marks a group that adds no prefix (chi's r.Group(fn)); a
	// flag because PrefixArg 0 is a real index.
	NoPrefix bool
	// Then names a method called on the call's result that returns the
	// grouped router: gorilla/mux's r.PathPrefix("/api").Subrouter(). Without
	// that call the result is a plain route, not a group.
	Then string
}

// GroupedBy says where a GroupCall's grouped router is found.
type GroupedBy int

const (
	// GroupResult: the call's result (gin's api := r.Group("/api")).
	GroupResult GroupedBy = iota
	// GroupCallback: the parameter of the function literal passed as the
	// last argument (chi's r.Route("/api", func(r chi.Router) {...}),
	// fiber's app.Route).
	GroupCallback
	// GroupMounted: the router or app passed as the last argument (chi's
	// r.Mount("/admin", adminRouter()), fiber v2's app.Mount("/v1", sub)).
	GroupMounted
)

// An RPCRegistration registers a service implementation. Every method of
// the implementation that the service interface declares is a request-path
// entry point; the interface is the declared type of the ImplArg parameter
// (or the ServiceDesc's HandlerType). Its route is the RPC's procedure,
// "/" + service + "/" + method ("/helloworld.Greeter/SayHello"), with no
// HTTP method.
type RPCRegistration struct {
	Framework string
	Recv      string // receiver type, or "" for a package-level function
	Pkg       string // package of the function; "" matches any (generated code)
	Names     []string

	// NamePrefix and NameSuffix match generated functions by name when
	// Names is nil: Register + service + Server.
	NamePrefix, NameSuffix string
	// Params and Results are the types a generated function must have, by
	// position; "" matches any type and a nil slice matches anything.
	Params, Results []string

	ImplArg int // argument holding the implementation
	// DescArg is the argument holding the *grpc.ServiceDesc whose
	// ServiceName and method names give the procedures, or -1.
	DescArg int
}

// An EntryCall is a call whose argument is a function that the framework
// calls once per request or message, whatever its signature: huma's
// Register(api, op, handler), where the handler's types are the
// program's own, or socket.io's OnEvent(ns, event, f), which takes any.
// With Methods set, the exported methods of the argument's value are the
// entry points instead: graphql-go's MustParseSchema(schema, resolver)
// resolves each field through a method of the root resolver.
type EntryCall struct {
	Framework string
	Recv      string // receiver type, or "" for a package-level function
	Pkg       string // package of the package-level function when Recv is ""
	Names     []string
	Arg       int // the argument, after the receiver
	Methods   bool
}

// A RouteLiteral is a struct type whose composite literals declare a
// route with its handler: go-zero's rest.Route{Method, Path, Handler},
// which server.AddRoutes registers. The fields are named by the
// framework's own declaration.
type RouteLiteral struct {
	Framework string
	Type      string // the struct type, named as in types.go
	Method    string // field holding the HTTP method, or ""
	Path      string // field holding the path
	Handler   string // field holding the handler
}
