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

// SessionStoreKind is where a session store keeps session data.
type SessionStoreKind string

const (
	SessionInMemory SessionStoreKind = "memory"   // this process's memory: a finding
	SessionLocalFS  SessionStoreKind = "localfs"  // files on local disk: a finding
	SessionCookie   SessionStoreKind = "cookie"   // the whole session in a signed cookie: clean
	SessionExternal SessionStoreKind = "external" // Redis, a database, memcached: clean
	SessionLocalDB  SessionStoreKind = "localdb"  // an embedded database file on this machine: a finding
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
	Holds       KindName
	Unless      []string
	// SetField, when set, names a field of the constructor's result that
	// chooses the store: assigned anywhere in the package
	// (sessionManager.Store = redisstore.New(pool)), the store is not Kind.
	SetField string
}
