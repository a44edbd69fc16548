package knowledge

// hertz: cloudwego's framework passes a context.Context and the request's
// *app.RequestContext. *server.Hertz embeds *route.Engine, which embeds
// RouterGroup, so its routes are RouterGroup's methods.
var hertz = Framework{
	Name:         "hertz",
	Handlers:     []HandlerSig{{Params: []string{"context.Context", hertzCtx}}},
	RequestTypes: []string{hertzCtx},
	Stashes:      []string{"github.com/cloudwego/hertz/pkg/app.RequestContext.Set"},
	Contexts:     []string{hertzCtx},
	Routes: []RouteCall{
		{Recv: "*github.com/cloudwego/hertz/pkg/route.RouterGroup", Names: upperMethods, MethodFromName: true},
		{Recv: "*github.com/cloudwego/hertz/pkg/route.RouterGroup", Names: []string{"Any"}},
		{Recv: "*github.com/cloudwego/hertz/pkg/route.RouterGroup", Names: []string{"Handle"}, PathArg: 1, MethodFromArg: true},
		{Recv: "github.com/cloudwego/hertz/pkg/route.IRoutes", Names: upperMethods, MethodFromName: true},
		{Recv: "github.com/cloudwego/hertz/pkg/route.IRoutes", Names: []string{"Any"}},
		{Recv: "github.com/cloudwego/hertz/pkg/route.IRoutes", Names: []string{"Handle"}, PathArg: 1, MethodFromArg: true},
	},
	Groups: []GroupCall{
		{Recv: "*github.com/cloudwego/hertz/pkg/route.RouterGroup", Names: []string{"Group"}},
		{Recv: "github.com/cloudwego/hertz/pkg/route.IRouter", Names: []string{"Group"}},
	},
	KeySources: []KeySource{
		{"github.com/cloudwego/hertz/pkg/app.RequestContext.Cookie", HintSession},
		{"github.com/cloudwego/hertz/pkg/app.RequestContext.ClientIP", HintRateLimit},
	},
	Calls: []CallEffect{{"github.com/cloudwego/hertz/pkg/app.RequestContext.SaveUploadedFile", OpFile, 2, ""}},
}

const hertzCtx = "*github.com/cloudwego/hertz/pkg/app.RequestContext"
