package knowledge

// gin: *Engine embeds RouterGroup; groups are *RouterGroup or IRoutes.
// gin-contrib/sessions stores are passed to sessions.Sessions(name, store).
var gin = Framework{
	Name:         "gin",
	Handlers:     []HandlerSig{{Params: []string{"*github.com/gin-gonic/gin.Context"}}},
	RequestTypes: []string{"*github.com/gin-gonic/gin.Context"},
	Stashes:      []string{"github.com/gin-gonic/gin.Context.Set"},
	Contexts:     []string{"*github.com/gin-gonic/gin.Context"},
	Routes: []RouteCall{
		{Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: upperMethods, MethodFromName: true},
		{Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: []string{"Any"}},
		{Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: []string{"Handle", "Match"}, PathArg: 1, MethodFromArg: true},
		{Recv: "github.com/gin-gonic/gin.IRoutes", Names: upperMethods, MethodFromName: true},
		{Recv: "github.com/gin-gonic/gin.IRoutes", Names: []string{"Any"}},
		{Recv: "github.com/gin-gonic/gin.IRoutes", Names: []string{"Handle", "Match"}, PathArg: 1, MethodFromArg: true},
	},
	Groups: []GroupCall{
		{Recv: "*github.com/gin-gonic/gin.RouterGroup", Names: []string{"Group"}},
		{Recv: "github.com/gin-gonic/gin.IRouter", Names: []string{"Group"}},
	},
	KeySources: []KeySource{
		{"github.com/gin-gonic/gin.Context.Cookie", HintSession},
		{"github.com/gin-gonic/gin.Context.ClientIP", HintRateLimit},
		{"github.com/gin-gonic/gin.Context.RemoteIP", HintRateLimit},
	},
	Calls: []CallEffect{
		{"github.com/gin-gonic/gin.Context.SaveUploadedFile", OpFile, 2, ""},
		{"github.com/gin-gonic/gin.Context.File", OpFileRead, 1, ""},
	},
	Stores: []SessionStore{
		{"github.com/gin-contrib/sessions/memstore.NewStore", SessionInMemory, "", "", nil, ""},
		{"github.com/gin-contrib/sessions/cookie.NewStore", SessionCookie, "", "", nil, ""},
		{"github.com/gin-contrib/sessions/redis.NewStore", SessionExternal, "", "", nil, ""},
		{"github.com/gin-contrib/sessions/redis.NewStoreWithDB", SessionExternal, "", "", nil, ""},
		{"github.com/gin-contrib/sessions/redis.NewStoreWithPool", SessionExternal, "", "", nil, ""},
		{"github.com/gin-contrib/sessions/memcached.NewStore", SessionExternal, "", "", nil, ""},
		{"github.com/gin-contrib/sessions/postgres.NewStore", SessionExternal, "", "", nil, ""},
		{"github.com/gin-contrib/sessions/gorm.NewStore", SessionExternal, "", "", nil, ""}, // a local file when its *gorm.DB is SQLite
		{"github.com/quasoft/memstore.NewMemStore", SessionInMemory, "", "", nil, ""},       // behind gin-contrib's memstore
	},
}
