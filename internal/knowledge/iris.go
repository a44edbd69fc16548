package knowledge

// iris v12: handlers take iris.Context, an alias of *context.Context,
// spelled either way. *iris.Application embeds *router.APIBuilder; Party
// and PartyFunc make groups.
var iris = Framework{
	Name: "iris",
	Handlers: []HandlerSig{
		{Params: []string{irisCtxAlias}},
		{Params: []string{irisCtx}},
	},
	RequestTypes: []string{irisCtxAlias, irisCtx},
	Contexts:     []string{irisCtxAlias, irisCtx},
	Routes: []RouteCall{
		{Recv: "*github.com/kataras/iris/v12/core/router.APIBuilder", Names: titleMethods, MethodFromName: true},
		{Recv: "*github.com/kataras/iris/v12/core/router.APIBuilder", Names: []string{"Any"}},
		{Recv: "*github.com/kataras/iris/v12/core/router.APIBuilder", Names: []string{"Handle"}, PathArg: 1, MethodFromArg: true},
		{Recv: "github.com/kataras/iris/v12/core/router.Party", Names: titleMethods, MethodFromName: true},
		{Recv: "github.com/kataras/iris/v12/core/router.Party", Names: []string{"Any"}},
		{Recv: "github.com/kataras/iris/v12/core/router.Party", Names: []string{"Handle"}, PathArg: 1, MethodFromArg: true},
	},
	Groups: []GroupCall{
		{Recv: "*github.com/kataras/iris/v12/core/router.APIBuilder", Names: []string{"Party"}},
		{Recv: "*github.com/kataras/iris/v12/core/router.APIBuilder", Names: []string{"PartyFunc"}, By: GroupCallback},
		{Recv: "github.com/kataras/iris/v12/core/router.Party", Names: []string{"Party"}},
		{Recv: "github.com/kataras/iris/v12/core/router.Party", Names: []string{"PartyFunc"}, By: GroupCallback},
	},
	KeySources: []KeySource{
		{"github.com/kataras/iris/v12/context.Context.GetCookie", HintSession},
		{"github.com/kataras/iris/v12/context.Context.RemoteAddr", HintRateLimit},
	},
	Calls: []CallEffect{
		{"github.com/kataras/iris/v12/context.Context.SaveFormFile", OpFile, 2, ""},
		{"github.com/kataras/iris/v12/context.Context.UploadFormFiles", OpFile, 1, ""},
	},
}

const (
	irisCtxAlias = "github.com/kataras/iris/v12.Context"
	irisCtx      = "*github.com/kataras/iris/v12/context.Context"
)
