package knowledge

// echo v4 and v5 register the same way; only the handler type differs:
// v4's Context is an interface, v5's a struct passed by pointer. One
// Framework value holds both versions, whose rows say which they are.
var echo = Framework{
	Name: "echo",
	Handlers: []HandlerSig{
		{Framework: "echo/v4", Params: []string{"github.com/labstack/echo/v4.Context"}, Results: []string{"error"}},
		{Framework: "echo/v5", Params: []string{"*github.com/labstack/echo/v5.Context"}, Results: []string{"error"}},
	},
	RequestTypes: []string{"github.com/labstack/echo/v4.Context", "*github.com/labstack/echo/v5.Context"},
	Contexts:     []string{"github.com/labstack/echo/v4.Context", "*github.com/labstack/echo/v5.Context"},
	Stashes:      []string{"github.com/labstack/echo/v4.Context.Set", "github.com/labstack/echo/v5.Context.Set"},
	Routes: []RouteCall{
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
	},
	Groups: []GroupCall{
		{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Echo", Names: []string{"Group"}},
		{Framework: "echo/v4", Recv: "*github.com/labstack/echo/v4.Group", Names: []string{"Group"}},
		{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Echo", Names: []string{"Group"}},
		{Framework: "echo/v5", Recv: "*github.com/labstack/echo/v5.Group", Names: []string{"Group"}},
	},
	KeySources: []KeySource{
		{"github.com/labstack/echo/v4.Context.Cookie", HintSession},
		{"github.com/labstack/echo/v5.Context.Cookie", HintSession},
		{"github.com/labstack/echo/v4.Context.RealIP", HintRateLimit},
		{"github.com/labstack/echo/v5.Context.RealIP", HintRateLimit},
	},
	Calls: []CallEffect{
		{"github.com/labstack/echo/v4.Context.Attachment", OpFileRead, 1, ""},
		{"github.com/labstack/echo/v4.Context.File", OpFileRead, 1, ""},
		{"github.com/labstack/echo/v5.Context.File", OpFileRead, 1, ""},
	},
	// The memory store of middleware.RateLimiter.
	Stores: []SessionStore{
		{"github.com/labstack/echo/v4/middleware.NewRateLimiterMemoryStore", SessionInMemory, "", RateLimit, nil, ""},
		{"github.com/labstack/echo/v4/middleware.NewRateLimiterMemoryStoreWithConfig", SessionInMemory, "", RateLimit, nil, ""},
		{"github.com/labstack/echo/v5/middleware.NewRateLimiterMemoryStore", SessionInMemory, "", RateLimit, nil, ""},
		{"github.com/labstack/echo/v5/middleware.NewRateLimiterMemoryStoreWithConfig", SessionInMemory, "", RateLimit, nil, ""},
	},
}
