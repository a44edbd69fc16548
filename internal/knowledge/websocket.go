package knowledge

// Types and functions here are named as in types.go and calls.go: package
// path and name, no pointer, no type arguments.

// A ConnSource is where a handler gets a live client connection: the call
// that upgrades the request and the connection type it yields. A
// package-level or long-lived map, slice or set of such connections is a
// connection registry (ConnTypes in types.go): a broadcast over it reaches
// only the clients of this replica.
type ConnSource struct {
	Conn string // connection type
	Func string // the upgrading call or conversion; "" for SSE and RPC streams
	// CallbackArg is -1 when the call's result is the connection; otherwise
	// the connection is the parameter of the function passed at this
	// argument, counting the receiver first for methods as CallEffect.Arg
	// does (fiber's websocket.New(func(c *websocket.Conn) {...})).
	CallbackArg int
}

// ConnSources is the table of websocket and server-sent-event connections.
//
// Server-sent events are the structural case: the handler keeps the
// request's http.Flusher (or ResponseWriter, or a channel it drains and
// flushes) in a registry and loops until the client goes away. A registry
// of plain channels is recognised by how the handler uses it, not by type.
var ConnSources = []ConnSource{
	{"github.com/gorilla/websocket.Conn", "github.com/gorilla/websocket.Upgrader.Upgrade", -1},
	{"github.com/coder/websocket.Conn", "github.com/coder/websocket.Accept", -1},
	{"nhooyr.io/websocket.Conn", "nhooyr.io/websocket.Accept", -1}, // coder/websocket's former path
	{"github.com/gofiber/contrib/websocket.Conn", "github.com/gofiber/contrib/websocket.New", 0},
	{"github.com/fasthttp/websocket.Conn", "github.com/fasthttp/websocket.FastHTTPUpgrader.Upgrade", 2},
	{"golang.org/x/net/websocket.Conn", "golang.org/x/net/websocket.Handler", 0}, // a conversion: websocket.Handler(fn)
	// Streaming RPCs: the handler's own stream parameter.
	{"google.golang.org/grpc.ServerStreamingServer", "", -1},
	{"google.golang.org/grpc.BidiStreamingServer", "", -1},
	{"connectrpc.com/connect.ServerStream", "", -1},
	{"connectrpc.com/connect.BidiStream", "", -1},
	{"net/http.Flusher", "", -1},
	{"net/http.ResponseWriter", "", -1},
}

// SessionStoreKind is where a session store keeps session data.
type SessionStoreKind string

const (
	SessionInMemory SessionStoreKind = "memory"   // this process's memory: a finding
	SessionLocalFS  SessionStoreKind = "localfs"  // files on local disk: a finding
	SessionCookie   SessionStoreKind = "cookie"   // the whole session in a signed cookie: clean
	SessionExternal SessionStoreKind = "external" // Redis, a database, memcached: clean
)

// A SessionStore is a constructor of a session store or of session
// middleware, or of other middleware that keeps per-client state in a
// store of its own: rate limiters, response caches. When ConfigField is
// set the constructor's variadic Config argument decides: the store is
// Kind when no Config is passed or the field is left unset, and
// SessionExternal otherwise (fiber's session.New() is in memory,
// session.New(session.Config{Storage: redis.New()}) is not). Holds is the
// kind of state it keeps ("ratelimit", "cache"); empty means sessions.
// Unless lists functions whose calls among the arguments, or in the
// variadic options, make the store something else: an external counter
// (httprate.WithLimitCounter), or one fixed bucket for the whole replica
// (httprate.Key("*")), which sheds load by design like a process-wide
// rate.Limiter. Options passed as a slice built elsewhere are not
// followed, and the call is not reported.
type SessionStore struct {
	Func        string
	Kind        SessionStoreKind
	ConfigField string
	Holds       string
	Unless      []string
}

// SessionStores is the table of session-store constructors, and of the
// stores of rate-limit and cache middleware.
var SessionStores = []SessionStore{
	// gin-contrib/sessions: the store passed to sessions.Sessions(name, store).
	{"github.com/gin-contrib/sessions/memstore.NewStore", SessionInMemory, "", "", nil},
	{"github.com/gin-contrib/sessions/cookie.NewStore", SessionCookie, "", "", nil},
	{"github.com/gin-contrib/sessions/redis.NewStore", SessionExternal, "", "", nil},
	{"github.com/gin-contrib/sessions/redis.NewStoreWithDB", SessionExternal, "", "", nil},
	{"github.com/gin-contrib/sessions/redis.NewStoreWithPool", SessionExternal, "", "", nil},
	{"github.com/gin-contrib/sessions/memcached.NewStore", SessionExternal, "", "", nil},
	{"github.com/gin-contrib/sessions/postgres.NewStore", SessionExternal, "", "", nil},
	{"github.com/quasoft/memstore.NewMemStore", SessionInMemory, "", "", nil}, // behind gin-contrib's memstore

	// fiber: the default Storage is memory.New().
	{"github.com/gofiber/fiber/v2/middleware/session.New", SessionInMemory, "Storage", "", nil},
	{"github.com/gofiber/fiber/v3/middleware/session.New", SessionInMemory, "Storage", "", nil},
	{"github.com/gofiber/fiber/v3/middleware/session.NewStore", SessionInMemory, "Storage", "", nil},
	{"github.com/gofiber/fiber/v3/middleware/session.NewWithStore", SessionInMemory, "Storage", "", nil},

	// gorilla/sessions.
	{"github.com/gorilla/sessions.NewCookieStore", SessionCookie, "", "", nil},
	{"github.com/gorilla/sessions.NewFilesystemStore", SessionLocalFS, "", "", nil},

	// Rate limiters and response caches whose store is this process's
	// memory: echo's memory store for middleware.RateLimiter, fiber's
	// limiter and cache without a Storage, ulule/limiter's memory driver.
	{"github.com/labstack/echo/v4/middleware.NewRateLimiterMemoryStore", SessionInMemory, "", "ratelimit", nil},
	{"github.com/labstack/echo/v4/middleware.NewRateLimiterMemoryStoreWithConfig", SessionInMemory, "", "ratelimit", nil},
	{"github.com/labstack/echo/v5/middleware.NewRateLimiterMemoryStore", SessionInMemory, "", "ratelimit", nil},
	{"github.com/labstack/echo/v5/middleware.NewRateLimiterMemoryStoreWithConfig", SessionInMemory, "", "ratelimit", nil},
	{"github.com/gofiber/fiber/v2/middleware/limiter.New", SessionInMemory, "Storage", "ratelimit", nil},
	{"github.com/gofiber/fiber/v3/middleware/limiter.New", SessionInMemory, "Storage", "ratelimit", nil},
	{"github.com/gofiber/fiber/v2/middleware/cache.New", SessionInMemory, "Storage", "cache", nil},
	{"github.com/gofiber/fiber/v3/middleware/cache.New", SessionInMemory, "Storage", "cache", nil},
	{"github.com/ulule/limiter/v3/drivers/store/memory.NewStore", SessionInMemory, "", "ratelimit", nil},
	{"github.com/ulule/limiter/v3/drivers/store/memory.NewStoreWithOptions", SessionInMemory, "", "ratelimit", nil},

	// go-chi/httprate counts in this process unless given a LimitCounter
	// (httprate-redis). LimitAll and Limit without key options keep one
	// bucket for the replica, by design, and are not listed.
	{"github.com/go-chi/httprate.LimitByIP", SessionInMemory, "", "ratelimit", nil},
	{"github.com/go-chi/httprate.LimitByRealIP", SessionInMemory, "", "ratelimit", nil},
	{"github.com/go-chi/httprate.LimitBy", SessionInMemory, "", "ratelimit", httprateUnless},
}

var httprateUnless = []string{
	"github.com/go-chi/httprate.WithLimitCounter", "github.com/go-chi/httprate.WithNoop", "github.com/go-chi/httprate.Key",
}
