package knowledge

// fiber v2 and v3, and gofiber's websocket packages. v2 passes *Ctx; v3's
// Ctx is an interface. v3 routes take handlers as any and also adapt
// func(Ctx), Express-style func(Req, Res) and fasthttp handlers
// (adapter.go); the Express forms with a next callback are left out. v2's
// Add takes one method, v3's a []string. One Framework value holds both
// versions, whose rows say which they are.
var fiber = Framework{
	Name: "fiber",
	Handlers: []HandlerSig{
		{Framework: "fiber/v2", Params: []string{"*github.com/gofiber/fiber/v2.Ctx"}, Results: []string{"error"}},
		{Framework: "fiber/v3", Params: []string{"github.com/gofiber/fiber/v3.Ctx"}, Results: []string{"error"}},
		{Framework: "fiber/v3", Params: []string{"github.com/gofiber/fiber/v3.Ctx"}},
		{Framework: "fiber/v3", Params: []string{"github.com/gofiber/fiber/v3.Req", "github.com/gofiber/fiber/v3.Res"}, Results: []string{"error"}},
		{Framework: "fiber/v3", Params: []string{"github.com/gofiber/fiber/v3.Req", "github.com/gofiber/fiber/v3.Res"}},
		{Framework: "fiber/v3", Params: []string{fasthttpRequestCtx}, Results: []string{"error"}},
		// gofiber/contrib/websocket.New(func(*websocket.Conn)) runs its
		// argument once per connection, for as long as the connection lives.
		{Framework: "fiber/v2", Params: []string{"*github.com/gofiber/contrib/websocket.Conn"}},
		{Framework: "fiber/v3", Params: []string{"*github.com/gofiber/contrib/v3/websocket.Conn"}},
	},
	RequestTypes: []string{"*github.com/gofiber/fiber/v2.Ctx", "github.com/gofiber/fiber/v3.Ctx"},
	Stashes:      []string{"github.com/gofiber/fiber/v2.Ctx.Locals", "github.com/gofiber/fiber/v3.Ctx.Locals"},
	Cookies:      []string{"github.com/gofiber/fiber/v2.Cookie", "github.com/gofiber/fiber/v3.Cookie"},
	Contexts:     []string{"*github.com/gofiber/fiber/v2.Ctx", "github.com/gofiber/fiber/v3.Ctx"},
	Routes: []RouteCall{
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
	},
	// fiber v3 dropped Mount: app.Use("/v1", subApp) mounts instead.
	Groups: []GroupCall{
		{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"Group"}},
		{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"Route"}, By: GroupCallback},
		{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.App", Names: []string{"Mount"}, By: GroupMounted},
		{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"Group"}},
		{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"Route"}, By: GroupCallback},
		{Framework: "fiber/v2", Recv: "*github.com/gofiber/fiber/v2.Group", Names: []string{"Mount"}, By: GroupMounted},
		{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"Group"}},
		{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"Route"}, By: GroupCallback},
		{Framework: "fiber/v2", Recv: "github.com/gofiber/fiber/v2.Router", Names: []string{"Mount"}, By: GroupMounted},
		{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.App", Names: []string{"Group"}},
		{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.App", Names: []string{"Route"}, By: GroupCallback},
		{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.Group", Names: []string{"Group"}},
		{Framework: "fiber/v3", Recv: "*github.com/gofiber/fiber/v3.Group", Names: []string{"Route"}, By: GroupCallback},
		{Framework: "fiber/v3", Recv: "github.com/gofiber/fiber/v3.Router", Names: []string{"Group"}},
		{Framework: "fiber/v3", Recv: "github.com/gofiber/fiber/v3.Router", Names: []string{"Route"}, By: GroupCallback},
	},
	KeySources: []KeySource{
		{"github.com/gofiber/fiber/v2.Ctx.Cookies", HintSession},
		{"github.com/gofiber/fiber/v3.Ctx.Cookies", HintSession},
		{"github.com/gofiber/fiber/v2.Ctx.IP", HintRateLimit},
		{"github.com/gofiber/fiber/v3.Ctx.IP", HintRateLimit},
	},
	Calls: []CallEffect{
		{"github.com/gofiber/fiber/v2.Ctx.SaveFile", OpFile, 2, ""},
		{"github.com/gofiber/fiber/v3.Ctx.SaveFile", OpFile, 2, ""},
		{"github.com/gofiber/fiber/v2.Ctx.SendFile", OpFileRead, 1, ""},
		{"github.com/gofiber/fiber/v3.Ctx.SendFile", OpFileRead, 1, ""},
	},
	// The default Storage of sessions, the limiter and the cache is
	// memory.New().
	Stores: []SessionStore{
		{"github.com/gofiber/fiber/v2/middleware/session.New", SessionInMemory, "Storage", "", nil, ""},
		{"github.com/gofiber/fiber/v3/middleware/session.New", SessionInMemory, "Storage", "", nil, ""},
		{"github.com/gofiber/fiber/v3/middleware/session.NewStore", SessionInMemory, "Storage", "", nil, ""},
		{"github.com/gofiber/fiber/v3/middleware/session.NewWithStore", SessionInMemory, "Storage", "", nil, ""},
		{"github.com/gofiber/fiber/v2/middleware/limiter.New", SessionInMemory, "Storage", RateLimit, nil, ""},
		{"github.com/gofiber/fiber/v3/middleware/limiter.New", SessionInMemory, "Storage", RateLimit, nil, ""},
		{"github.com/gofiber/fiber/v2/middleware/cache.New", SessionInMemory, "Storage", Cache, nil, ""},
		{"github.com/gofiber/fiber/v3/middleware/cache.New", SessionInMemory, "Storage", Cache, nil, ""},
	},
	ConnTypes: []string{"github.com/gofiber/contrib/websocket.Conn", "github.com/gofiber/websocket/v2.Conn", "github.com/gofiber/contrib/v3/websocket.Conn"},
	Conns: []ConnSource{
		{"github.com/gofiber/contrib/websocket.Conn", "github.com/gofiber/contrib/websocket.New", 0},
		{"github.com/gofiber/contrib/v3/websocket.Conn", "github.com/gofiber/contrib/v3/websocket.New", 0},
	},
}
