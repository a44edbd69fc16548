package knowledge

// beego v2: controllers are types embedding web.Controller, registered
// with web.Router(path, &C{}); beego copies the registered controller for
// every request and calls the method the request's HTTP method or the
// route's mapping names, so those methods are entry points whose receiver
// is the request's own. Functional routes (web.Get) take a
// *context.Context.
var beego = Framework{
	Name:         "beego",
	Handlers:     []HandlerSig{{Params: []string{beegoCtx}}},
	RequestTypes: []string{beegoCtx},
	Contexts:     []string{beegoCtx},
	Controllers:  []string{"github.com/beego/beego/v2/server/web.Controller"},
	Routes: []RouteCall{
		{Pkg: "github.com/beego/beego/v2/server/web", Names: []string{"Router", "NSRouter"}},
		{Recv: "*github.com/beego/beego/v2/server/web.HttpServer", Names: []string{"Router"}},
		{Pkg: "github.com/beego/beego/v2/server/web", Names: titleMethods, MethodFromName: true},
		{Pkg: "github.com/beego/beego/v2/server/web", Names: []string{"Any"}},
	},
	KeySources: []KeySource{
		{"github.com/beego/beego/v2/server/web/context.Context.GetCookie", HintSession},
		{"github.com/beego/beego/v2/server/web/context.BeegoInput.Cookie", HintSession},
		{"github.com/beego/beego/v2/server/web/context.BeegoInput.IP", HintRateLimit},
	},
	Calls: []CallEffect{{"github.com/beego/beego/v2/server/web.Controller.SaveToFile", OpFile, 2, ""}},
}

const beegoCtx = "*github.com/beego/beego/v2/server/web/context.Context"
