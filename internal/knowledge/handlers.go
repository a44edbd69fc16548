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

// HandlerSigs is the table of request-path entry-point signatures.
var HandlerSigs = []HandlerSig{
	{"net/http", []string{"net/http.ResponseWriter", "*net/http.Request"}, nil},
	// chi and gorilla/mux route plain net/http handlers.
	{"httprouter", []string{"net/http.ResponseWriter", "*net/http.Request", "github.com/julienschmidt/httprouter.Params"}, nil},
	{"gin", []string{"*github.com/gin-gonic/gin.Context"}, nil},
	// echo v4's Context is an interface; v5's is a struct passed by pointer.
	{"echo/v4", []string{"github.com/labstack/echo/v4.Context"}, []string{"error"}},
	{"echo/v5", []string{"*github.com/labstack/echo/v5.Context"}, []string{"error"}},
	// fiber v2 passes *Ctx; v3's Ctx is an interface. v3 routes take handlers
	// as any and also adapt func(Ctx), Express-style func(Req, Res) and
	// fasthttp handlers (adapter.go); the Express forms with a next callback
	// are left out.
	{"fiber/v2", []string{"*github.com/gofiber/fiber/v2.Ctx"}, []string{"error"}},
	{"fiber/v3", []string{"github.com/gofiber/fiber/v3.Ctx"}, []string{"error"}},
	{"fiber/v3", []string{"github.com/gofiber/fiber/v3.Ctx"}, nil},
	{"fiber/v3", []string{"github.com/gofiber/fiber/v3.Req", "github.com/gofiber/fiber/v3.Res"}, []string{"error"}},
	{"fiber/v3", []string{"github.com/gofiber/fiber/v3.Req", "github.com/gofiber/fiber/v3.Res"}, nil},
	{"fiber/v3", []string{"*github.com/valyala/fasthttp.RequestCtx"}, []string{"error"}},
	{"fasthttp", []string{"*github.com/valyala/fasthttp.RequestCtx"}, nil},
	// gofiber/contrib/websocket.New(func(*websocket.Conn)) runs its argument
	// once per connection, for as long as the connection lives.
	{"fiber/v2", []string{"*github.com/gofiber/contrib/websocket.Conn"}, nil},
	// Caddy HTTP handler modules (caddyhttp.MiddlewareHandler): provisioned
	// once per configuration load, then called for every matching request.
	{"caddy", []string{"net/http.ResponseWriter", "*net/http.Request", "github.com/caddyserver/caddy/v2/modules/caddyhttp.Handler"}, []string{"error"}},
	// gRPC service methods have no fixed signature: see RPCRegistrations.
}

// TestPackagePrefix and TestPackageSuffix mark packages that support tests
// by Go's naming convention (httptest, wstest, testutil): their handlers
// serve tests, not production traffic, like handlers in _test.go files.
const (
	TestPackagePrefix = "test"
	TestPackageSuffix = "test"
)

// RequestTypes are the types of a request (or a framework's per-request
// context). A function that takes one runs because of a request, whoever
// calls it: a value it allocates, and a closure it makes, belong to that
// request. distribution's dispatchers, func(ctx *Context, r *http.Request)
// http.Handler, build a handler struct per request this way.
var RequestTypes = []string{
	"*net/http.Request",
	"*github.com/gin-gonic/gin.Context",
	"github.com/labstack/echo/v4.Context",
	"*github.com/labstack/echo/v5.Context",
	"*github.com/gofiber/fiber/v2.Ctx",
	"github.com/gofiber/fiber/v3.Ctx",
	"*github.com/valyala/fasthttp.RequestCtx",
}

// GenericHandlerSigs are handler signatures whose generic types are compared
// by their origin, without type arguments: "*connectrpc.com/connect.Request"
// matches *connect.Request[greetv1.GreetRequest]. Kept apart from
// HandlerSigs, whose types match exactly.
var GenericHandlerSigs = []HandlerSig{
	// Connect unary handlers, whatever the message types.
	{"connect", []string{"context.Context", "*connectrpc.com/connect.Request"}, []string{"*connectrpc.com/connect.Response", "error"}},
	// Connect streaming handlers.
	{"connect", []string{"context.Context", "*connectrpc.com/connect.Request", "*connectrpc.com/connect.ServerStream"}, []string{"error"}},
	{"connect", []string{"context.Context", "*connectrpc.com/connect.ClientStream"}, []string{"*connectrpc.com/connect.Response", "error"}},
	{"connect", []string{"context.Context", "*connectrpc.com/connect.BidiStream"}, []string{"error"}},
}

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
}

// RouteCalls is the table of route-registration calls.
var RouteCalls = []RouteCall{
	{Framework: "net/http", Pkg: "net/http", Names: []string{"Handle", "HandleFunc"}},
	{Framework: "net/http", Recv: "*net/http.ServeMux", Names: []string{"Handle", "HandleFunc"}},

	// chi v5: methods on *Mux, and on the Router interface that Route and
	// Group callbacks receive.
	{Framework: "chi", Recv: "*github.com/go-chi/chi/v5.Mux", Names: chiMethods, MethodFromName: true},
	{Framework: "chi", Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Handle", "HandleFunc"}},
	{Framework: "chi", Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Method", "MethodFunc"}, PathArg: 1, MethodFromArg: true},
	{Framework: "chi", Recv: "github.com/go-chi/chi/v5.Router", Names: chiMethods, MethodFromName: true},
	{Framework: "chi", Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Handle", "HandleFunc"}},
	{Framework: "chi", Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Method", "MethodFunc"}, PathArg: 1, MethodFromArg: true},

	// gorilla/mux: the method, if any, comes from a chained .Methods(...).
	{Framework: "gorilla/mux", Recv: "*github.com/gorilla/mux.Router", Names: []string{"Handle", "HandleFunc"}, MethodCall: "Methods"},

	// httprouter: handlers are httprouter.Handle; Handler and HandlerFunc
	// take net/http ones.
	{Framework: "httprouter", Recv: "*github.com/julienschmidt/httprouter.Router", Names: upperMethods, MethodFromName: true},
	{Framework: "httprouter", Recv: "*github.com/julienschmidt/httprouter.Router", Names: []string{"Handle", "Handler", "HandlerFunc"}, PathArg: 1, MethodFromArg: true},

	// gin: *Engine embeds RouterGroup; groups are *RouterGroup or IRoutes.
	{Framework: "gin", Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: upperMethods, MethodFromName: true},
	{Framework: "gin", Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: []string{"Any"}},
	{Framework: "gin", Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: []string{"Handle", "Match"}, PathArg: 1, MethodFromArg: true},
	{Framework: "gin", Recv: "github.com/gin-gonic/gin.IRoutes", Names: upperMethods, MethodFromName: true},
	{Framework: "gin", Recv: "github.com/gin-gonic/gin.IRoutes", Names: []string{"Any"}},
	{Framework: "gin", Recv: "github.com/gin-gonic/gin.IRoutes", Names: []string{"Handle", "Match"}, PathArg: 1, MethodFromArg: true},

	// echo v4 and v5 register the same way; only the handler type differs.
	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Echo", Names: upperMethods, MethodFromName: true},
	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Echo", Names: []string{"Any"}},
	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Echo", Names: []string{"Add", "Match"}, PathArg: 1, MethodFromArg: true},
	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Group", Names: upperMethods, MethodFromName: true},
	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Group", Names: []string{"Any"}},
	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Group", Names: []string{"Add", "Match"}, PathArg: 1, MethodFromArg: true},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Echo", Names: upperMethods, MethodFromName: true},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Echo", Names: []string{"Any"}},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Echo", Names: []string{"Add", "Match"}, PathArg: 1, MethodFromArg: true},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Group", Names: upperMethods, MethodFromName: true},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Group", Names: []string{"Any"}},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Group", Names: []string{"Add", "Match"}, PathArg: 1, MethodFromArg: true},

	// fiber v2 and v3: *App, *Group and the Router interface groups return.
	// v2's Add takes one method, v3's a []string.
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: titleMethods, MethodFromName: true},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"All"}},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"Add"}, PathArg: 1, MethodFromArg: true},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: titleMethods, MethodFromName: true},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"All"}},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"Add"}, PathArg: 1, MethodFromArg: true},
	{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: titleMethods, MethodFromName: true},
	{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"All"}},
	{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"Add"}, PathArg: 1, MethodFromArg: true},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.App", Names: titleMethods, MethodFromName: true},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.App", Names: []string{"All"}},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.App", Names: []string{"Add"}, PathArg: 1, MethodFromArg: true},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.Group", Names: titleMethods, MethodFromName: true},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.Group", Names: []string{"All"}},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.Group", Names: []string{"Add"}, PathArg: 1, MethodFromArg: true},
	{Framework: "fiber/v3", Recv: "github.com/gofiber/fiber/v3.Router", Names: titleMethods, MethodFromName: true},
	{Framework: "fiber/v3", Recv: "github.com/gofiber/fiber/v3.Router", Names: []string{"All"}},
	{Framework: "fiber/v3", Recv: "github.com/gofiber/fiber/v3.Router", Names: []string{"Add"}, PathArg: 1, MethodFromArg: true},

	// fasthttp has no router of its own: its handlers are found by
	// signature only.

	// Connect: generated New<Service>Handler functions register each method
	// value under its procedure constant ("/greet.v1.GreetService/Greet").
	// Connect serves POST (and GET for idempotent methods): no method.
	{Framework: "connect", Pkg: "connectrpc.com/connect", Names: []string{
		"NewUnaryHandler", "NewUnaryHandlerSimple",
		"NewClientStreamHandler", "NewClientStreamHandlerSimple",
		"NewServerStreamHandler", "NewServerStreamHandlerSimple",
		"NewBidiStreamHandler",
	}},
}

// Method names of the routers above, in each framework's spelling.
var (
	upperMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE"}
	titleMethods = []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Connect", "Options", "Trace"}
	chiMethods   = []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Connect", "Options", "Trace", "Query"}
)

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

// GroupCalls is the table of router-grouping calls.
var GroupCalls = []GroupCall{
	{Framework: "chi", Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Route"}, By: GroupCallback},
	{Framework: "chi", Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Group"}, By: GroupCallback, NoPrefix: true},
	{Framework: "chi", Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"With"}, NoPrefix: true},
	{Framework: "chi", Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Mount"}, By: GroupMounted},
	{Framework: "chi", Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Route"}, By: GroupCallback},
	{Framework: "chi", Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Group"}, By: GroupCallback, NoPrefix: true},
	{Framework: "chi", Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"With"}, NoPrefix: true},
	{Framework: "chi", Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Mount"}, By: GroupMounted},

	{Framework: "gorilla/mux", Recv: "*github.com/gorilla/mux.Router", Names: []string{"PathPrefix"}, Then: "Subrouter"},
	{Framework: "gorilla/mux", Recv: "*github.com/gorilla/mux.Route", Names: []string{"PathPrefix"}, Then: "Subrouter"},

	{Framework: "gin", Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: []string{"Group"}},
	{Framework: "gin", Recv: "github.com/gin-gonic/gin.IRouter", Names: []string{"Group"}},

	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Echo", Names: []string{"Group"}},
	{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Group", Names: []string{"Group"}},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Echo", Names: []string{"Group"}},
	{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Group", Names: []string{"Group"}},

	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"Group"}},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"Route"}, By: GroupCallback},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"Mount"}, By: GroupMounted},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"Group"}},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"Route"}, By: GroupCallback},
	{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"Mount"}, By: GroupMounted},
	{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"Group"}},
	{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"Route"}, By: GroupCallback},
	{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"Mount"}, By: GroupMounted},
	// fiber v3 dropped Mount: app.Use("/v1", subApp) mounts instead.
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.App", Names: []string{"Group"}},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.App", Names: []string{"Route"}, By: GroupCallback},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.Group", Names: []string{"Group"}},
	{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.Group", Names: []string{"Route"}, By: GroupCallback},
	{Framework: "fiber/v3", Recv: "github.com/gofiber/fiber/v3.Router", Names: []string{"Group"}},
	{Framework: "fiber/v3", Recv: "github.com/gofiber/fiber/v3.Router", Names: []string{"Route"}, By: GroupCallback},
}

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

// RPCRegistrations is the table of RPC service registrations.
var RPCRegistrations = []RPCRegistration{
	// grpc's own registration, which generated code calls.
	{Framework: "grpc", Recv: "*google.golang.org/grpc.Server", Names: []string{"RegisterService"}, ImplArg: 1, DescArg: 0},
	{Framework: "grpc", Recv: "google.golang.org/grpc.ServiceRegistrar", Names: []string{"RegisterService"}, ImplArg: 1, DescArg: 0},
	// protoc-gen-go-grpc: func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer).
	// Code generated before grpc v1.32 takes *grpc.Server.
	{Framework: "grpc", NamePrefix: "Register", NameSuffix: "Server",
		Params: []string{"google.golang.org/grpc.ServiceRegistrar", ""}, ImplArg: 1, DescArg: -1},
	{Framework: "grpc", NamePrefix: "Register", NameSuffix: "Server",
		Params: []string{"*google.golang.org/grpc.Server", ""}, ImplArg: 1, DescArg: -1},
	// protoc-gen-connect-go: func NewGreetServiceHandler(svc GreetServiceHandler,
	// opts ...connect.HandlerOption) (string, http.Handler); the returned
	// path is mounted with mux.Handle, and each method is routed by the
	// NewUnaryHandler row of RouteCalls.
	{Framework: "connect", NamePrefix: "New", NameSuffix: "Handler",
		Params:  []string{"", "[]connectrpc.com/connect.HandlerOption"},
		Results: []string{"string", "net/http.Handler"}, ImplArg: 0, DescArg: -1},
}

// TestServers start a server for tests: a handler given only to them is
// test code, not a production request path.
var TestServers = []string{
	"net/http/httptest.NewServer",
	"net/http/httptest.NewTLSServer",
	"net/http/httptest.NewUnstartedServer",
}
