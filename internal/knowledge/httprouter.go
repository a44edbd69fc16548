package knowledge

// httpRouter's handlers are httprouter.Handle; Handler and HandlerFunc
// take net/http ones.
var httpRouter = Framework{
	Name:     "httprouter",
	Handlers: []HandlerSig{{Params: []string{httpResponseWriter, httpRequest, "github.com/julienschmidt/httprouter.Params"}}},
	Routes: []RouteCall{
		{Recv: "*github.com/julienschmidt/httprouter.Router", Names: upperMethods, MethodFromName: true},
		{Recv: "*github.com/julienschmidt/httprouter.Router", Names: []string{"Handle", "Handler", "HandlerFunc"}, PathArg: 1, MethodFromArg: true},
	},
}
