package knowledge

import (
	"cmp"
	"strings"
)

// A Framework is everything statelint knows about one web framework, RPC
// system, websocket or session library, under its import paths: which
// signatures are request-path entry points, which calls register routes
// and groups, which request accessors identify a client, which of its
// calls touch local files, which of its stores keep data in memory, and
// which of its types are live connections or process-wide clients. Each
// framework's import paths appear in its own file only; adding a
// framework is adding one file and one line to Frameworks.
type Framework struct {
	Name string // as entries name it: "gin", "echo/v4"

	// Rows name their framework (HandlerSig.Framework and the like) only
	// where it is a version of Name ("echo/v4"); the others get Name.
	Handlers        []HandlerSig      // entry-point signatures
	GenericHandlers []HandlerSig      // signatures compared by generic origin
	RequestTypes    []string          // types of a request or per-request context
	Contexts        []string          // of which HTTP request contexts: exported API taking one serves a request
	Routes          []RouteCall       // route registrations
	Groups          []GroupCall       // router groups
	RPC             []RPCRegistration // service registrations
	TestServers     []string          // calls that serve a handler to tests only

	// Entry points known by how they are wired rather than by signature.
	Entries       []EntryCall    // calls whose argument is an entry point, whatever its signature
	EntryTypes    []string       // named function types: a function converted to one is an entry point (go-kit's endpoint.Endpoint)
	Controllers   []string       // embedded types whose embedders' exported methods without parameters are entry points, on a receiver made per request (beego's web.Controller)
	Schemas       []string       // executable-schema types: a function returning one takes a config whose interface fields are resolver roots (gqlgen)
	RouteLiterals []RouteLiteral // struct literals that declare a route and its handler
	Receives      []string       // calls that receive one message: the rest of the loop around them handles it (kafka-go's Reader.ReadMessage)
	Messages      []string       // message types: a loop receiving them from a channel handles one per iteration (amqp091's Delivery)

	KeySources   []KeySource     // request accessors whose result identifies a client
	KeyFields    map[string]Hint // request fields that do
	Calls        []CallEffect    // calls with a modelled effect: files saved, files served
	Stores       []SessionStore  // store constructors: sessions, rate limits, caches
	ConnTypes    []string        // live client connections
	Conns        []ConnSource    // where handlers get them
	Limiters     []string        // per-client rate limiters
	External     []ExternalCall  // calls that read or write an external store, or send outside
	RequestCtors map[string]int  // calls that build an outgoing request, with the method at the value
	SafeTypes    []string        // the framework's clients of external stores: not state
	Stashes      []string        // calls that keep a value in the request's own context, for the rest of this request only
	Clients      []string        // methods that make the endpoint of an outgoing call: a function calling one builds a client, whose middleware throttles this process's own calls
	Cookies      []string        // cookie structs whose Value field the response sets: a key stored there is a token the client holds
}

// Frameworks lists every framework statelint knows.
var Frameworks = []*Framework{
	&netHTTP, &chi, &gorillaMux, &httpRouter, &gin, &echo, &fiber, &fasthttp,
	&hertz, &iris, &beego, &huma, &goZero, &goKit, &gqlgen, &graphqlGo, &apiframe,
	&grpc, &connect, &caddy, &thrift,
	&gorillaWebsocket, &coderWebsocket, &xnetWebsocket, &gobwasWS, &melody, &gws, &socketIO, &r3labsSSE,
	&nats, &sarama, &kafkaGo, &amqp091, &netTCP,
	&gorillaSessions, &scs, &ululeLimiter, &tollbooth, &goPkgzAuth,
}

// The tables the passes read, flattened once from Frameworks and the
// framework-independent tables of this package.
var (
	HandlerSigs        = collect(func(f *Framework) []HandlerSig { return named(f, f.Handlers, setSig) })
	GenericHandlerSigs = collect(func(f *Framework) []HandlerSig { return named(f, f.GenericHandlers, setSig) })
	RequestTypes       = collect(func(f *Framework) []string { return f.RequestTypes })
	ContextTypes       = collect(func(f *Framework) []string { return f.Contexts })
	RouteCalls         = collect(func(f *Framework) []RouteCall { return named(f, f.Routes, setRoute) })
	GroupCalls         = collect(func(f *Framework) []GroupCall { return named(f, f.Groups, setGroup) })
	RPCRegistrations   = collect(func(f *Framework) []RPCRegistration { return named(f, f.RPC, setRPC) })
	TestServers        = collect(func(f *Framework) []string { return f.TestServers })
	EntryCalls         = collect(func(f *Framework) []EntryCall { return named(f, f.Entries, setEntry) })
	EntryTypes         = collect(func(f *Framework) []string { return f.EntryTypes })
	ControllerTypes    = collect(func(f *Framework) []string { return f.Controllers })
	SchemaTypes        = collect(func(f *Framework) []string { return f.Schemas })
	RouteLiterals      = collect(func(f *Framework) []RouteLiteral { return named(f, f.RouteLiterals, setLiteral) })
	MessageReceives    = collect(func(f *Framework) []string { return f.Receives })
	MessageTypes       = collect(func(f *Framework) []string { return f.Messages })
	ClientEndpoints    = collect(func(f *Framework) []string { return f.Clients })
	CookieTypes        = collect(func(f *Framework) []string { return f.Cookies })
	KeySources         = append(collect(func(f *Framework) []KeySource { return f.KeySources }), keySources...)
	SessionStores      = collect(func(f *Framework) []SessionStore { return f.Stores })
	ConnTypes          = collect(func(f *Framework) []string { return f.ConnTypes })
	ConnSources        = collect(func(f *Framework) []ConnSource { return f.Conns })
	ClientTypes        = append(collect(func(f *Framework) []string { return f.SafeTypes }), clientTypes...)
	SafeTypes          = append(collect(func(f *Framework) []string { return f.SafeTypes }), safeTypes...)
	LimiterTypes       = append(collect(func(f *Framework) []string { return f.Limiters }), limiterTypes...)
	KeyFields          = keyFields()
	Stashes            = collect(func(f *Framework) []string { return f.Stashes })

	storesByName = group(SessionStores, func(r SessionStore) string { return r.Func })
	keyHints     = keySourceHints()
	routesByName = byName(RouteCalls, func(r RouteCall) (string, string, []string) { return r.Recv, r.Pkg, r.Names })
	groupsByName = byName(GroupCalls, func(g GroupCall) (string, string, []string) { return g.Recv, "", g.Names })
	entryByName  = byName(EntryCalls, func(e EntryCall) (string, string, []string) { return e.Recv, e.Pkg, e.Names })
	literalByTyp = index(RouteLiterals, func(l RouteLiteral) string { return l.Type })
	frameworkOf  = typeFrameworks()

	callEffects    = index(append(collect(func(f *Framework) []CallEffect { return f.Calls }), CallEffects...), func(c CallEffect) string { return c.Func })
	safeTypeSet    = set(SafeTypes)
	stashSet       = set(Stashes)
	clientTypeSet  = set(ClientTypes)
	cacheTypeSet   = set(CacheTypes)
	containerSet   = set(ContainerTypes)
	connTypeSet    = set(ConnTypes)
	limiterTypeSet = set(LimiterTypes)
	clockSet       = set(ClockFuncs)
	exportSet      = set(ExportFuncs)
	formatSet      = set(FormatFuncs)
	atomicCountSet = set(AtomicCounts)
	monitorSet     = set(monitorTypes)
	randomSet      = set(RandomPackages)
	configSet      = set(ConfigFuncs)
	requestTypeSet = set(RequestTypes)
	entryTypeSet   = set(EntryTypes)
	controllerSet  = set(ControllerTypes)
	schemaTypeSet  = set(SchemaTypes)
	receiveSet     = set(MessageReceives)
	messageTypeSet = set(MessageTypes)
	clientSet      = set(ClientEndpoints)
	cookieSet      = set(CookieTypes)
	contextTypeSet = set(ContextTypes)
	testServerSet  = set(TestServers)
	exitFuncSet    = set(ExitFuncs)
	removingSet    = set(RemovingCalls)
	routerSet      = routerTypes()
)

func collect[T any](get func(*Framework) []T) []T {
	var out []T
	for _, f := range Frameworks {
		out = append(out, get(f)...)
	}
	return out
}

// named returns rows with their framework's name filled in.
func named[T any](f *Framework, rows []T, set func(*T, string)) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		set(&r, f.Name)
		out[i] = r
	}
	return out
}

func setSig(r *HandlerSig, name string)       { r.Framework = cmp.Or(r.Framework, name) }
func setRoute(r *RouteCall, name string)      { r.Framework = cmp.Or(r.Framework, name) }
func setGroup(r *GroupCall, name string)      { r.Framework = cmp.Or(r.Framework, name) }
func setRPC(r *RPCRegistration, name string)  { r.Framework = cmp.Or(r.Framework, name) }
func setEntry(r *EntryCall, name string)      { r.Framework = cmp.Or(r.Framework, name) }
func setLiteral(r *RouteLiteral, name string) { r.Framework = cmp.Or(r.Framework, name) }

// typeFrameworks names the framework of each entry type, controller,
// schema, route literal, message receive and message type, for the
// entries they make.
func typeFrameworks() map[string]string {
	out := map[string]string{}
	for _, f := range Frameworks {
		for _, names := range [][]string{f.EntryTypes, f.Controllers, f.Schemas, f.Receives, f.Messages} {
			for _, n := range names {
				out[n] = f.Name
			}
		}
		for _, l := range f.RouteLiterals {
			out[l.Type] = cmp.Or(l.Framework, f.Name)
		}
	}
	return out
}

// FrameworkOf returns the framework whose entry type, controller, schema,
// route literal, message receive or message type is named.
func FrameworkOf(name string) string { return frameworkOf[name] }

// RouteLiteralFor returns the route-literal row of a struct type.
func RouteLiteralFor(name string) (RouteLiteral, bool) {
	l, ok := literalByTyp[name]
	return l, ok
}

// EntryCallsFor returns the entry-call rows of a function.
func EntryCallsFor(name string) []EntryCall { return entryByName[name] }

func keyFields() map[string]Hint {
	out := map[string]Hint{}
	for _, f := range Frameworks {
		for k, v := range f.KeyFields {
			out[k] = v
		}
	}
	return out
}

func index[T any](rows []T, key func(T) string) map[string]T {
	out := make(map[string]T, len(rows))
	for _, r := range rows {
		if _, dup := out[key(r)]; !dup { // the first row wins, as a scan would
			out[key(r)] = r
		}
	}
	return out
}

func set(names []string) map[string]bool {
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out
}

// CallEffectFor returns the modelled effect of the named function.
func CallEffectFor(name string) (CallEffect, bool) {
	c, ok := callEffects[name]
	return c, ok
}

// Removes reports whether a site's "what" ("delete", "(*sync.Map).Delete",
// "os.Remove") is a call of RemovingCalls.
func Removes(what string) bool {
	return removingSet[what[strings.LastIndexAny(what, ".")+1:]]
}

// Lookups by full name, for the tables above.
func IsSafeType(name string) bool       { return safeTypeSet[name] }    // SafeTypes
func IsClientType(name string) bool     { return clientTypeSet[name] }  // ClientTypes
func IsCacheType(name string) bool      { return cacheTypeSet[name] }   // CacheTypes
func IsContainerType(name string) bool  { return containerSet[name] }   // ContainerTypes
func IsConnType(name string) bool       { return connTypeSet[name] }    // ConnTypes
func IsLimiterType(name string) bool    { return limiterTypeSet[name] } // LimiterTypes
func IsRequestType(name string) bool    { return requestTypeSet[name] } // RequestTypes
func IsEntryType(name string) bool      { return entryTypeSet[name] }   // EntryTypes
func IsController(name string) bool     { return controllerSet[name] }  // ControllerTypes
func IsSchemaType(name string) bool     { return schemaTypeSet[name] }  // SchemaTypes
func IsReceive(name string) bool        { return receiveSet[name] }     // MessageReceives
func IsMessageType(name string) bool    { return messageTypeSet[name] } // MessageTypes
func IsClientEndpoint(name string) bool { return clientSet[name] }      // ClientEndpoints
func IsCookieType(name string) bool     { return cookieSet[name] }      // CookieTypes
func IsContextType(name string) bool    { return contextTypeSet[name] } // ContextTypes
func IsTestServer(name string) bool     { return testServerSet[name] }  // TestServers
func IsExitFunc(name string) bool       { return exitFuncSet[name] }    // ExitFuncs
func IsClockFunc(name string) bool      { return clockSet[name] }       // ClockFuncs
func IsExportFunc(name string) bool     { return exportSet[name] }      // ExportFuncs
func IsStash(name string) bool          { return stashSet[name] }       // Stashes
func IsFormatFunc(name string) bool     { return formatSet[name] }      // FormatFuncs
func IsAtomicCount(name string) bool    { return atomicCountSet[name] } // AtomicCounts
func IsExportType(name string) bool     { return monitorSet[name] }     // loggers and metrics
func IsConfigFunc(name string) bool     { return configSet[name] }      // ConfigFuncs
func IsRouterType(name string) bool     { return routerSet[name] }      // receivers of RouteCalls and GroupCalls

// routerTypes are the named types routes and groups are registered on,
// without the pointer: "github.com/gofiber/fiber/v3.App".
func routerTypes() map[string]bool {
	out := map[string]bool{}
	for _, r := range RouteCalls {
		out[strings.TrimPrefix(r.Recv, "*")] = true
	}
	for _, g := range GroupCalls {
		out[strings.TrimPrefix(g.Recv, "*")] = true
	}
	delete(out, "") // package-level functions such as http.HandleFunc
	return out
}

// IsRandomFunc reports whether a function or method belongs to one of
// RandomPackages.
func IsRandomFunc(name string) bool { return randomSet[FuncPackage(name)] }

// IsRandomPackage reports whether a package is one of RandomPackages.
func IsRandomPackage(path string) bool { return randomSet[path] }

// FuncPackage is the package path of a function's full name:
// "math/rand/v2" for "math/rand/v2.Rand.IntN".
func FuncPackage(name string) string {
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	if dot < 0 {
		return name
	}
	return name[:slash+1+dot]
}

// Method names of the routers, in each framework's spelling.
var (
	upperMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE"}
	titleMethods = []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Connect", "Options", "Trace"}
)

// byName indexes rows by each function or method they name, as
// names.Callee spells it: "net/http.ServeMux.HandleFunc".
func byName[T any](rows []T, key func(T) (recv, pkg string, names []string)) map[string][]T {
	out := map[string][]T{}
	for _, r := range rows {
		recv, owner, names := key(r)
		if recv != "" {
			owner = strings.TrimPrefix(recv, "*")
		}
		for _, n := range names {
			out[owner+"."+n] = append(out[owner+"."+n], r)
		}
	}
	return out
}

// RouteCallsFor returns the route-registration rows of a function.
func RouteCallsFor(name string) []RouteCall { return routesByName[name] }

// GroupThens are the grouping rows whose group is made by a further call
// (gorilla/mux's PathPrefix(...).Subrouter()).
var GroupThens = thens(GroupCalls)

func thens(rows []GroupCall) []GroupCall {
	var out []GroupCall
	for _, g := range rows {
		if g.Then != "" {
			out = append(out, g)
		}
	}
	return out
}

// GroupCallsFor returns the router-grouping rows of a function.
func GroupCallsFor(name string) []GroupCall { return groupsByName[name] }

// SessionStoresFor returns the store-constructor rows of a function.
func SessionStoresFor(name string) []SessionStore { return storesByName[name] }

// KeySourceHint returns what the result of the named request accessor
// identifies, if it is a row of KeySources.
func KeySourceHint(name string) (Hint, bool) {
	h, ok := keyHints[name]
	return h, ok
}

func keySourceHints() map[string]Hint {
	out := map[string]Hint{}
	for _, ks := range KeySources {
		if _, dup := out[ks.Func]; !dup {
			out[ks.Func] = ks.Hint
		}
	}
	return out
}

// group indexes rows by key, keeping their order.
func group[T any](rows []T, key func(T) string) map[string][]T {
	out := map[string][]T{}
	for _, r := range rows {
		out[key(r)] = append(out[key(r)], r)
	}
	return out
}
