package knowledge

// go-zero: rest.Route{Method, Path, Handler} literals, registered with
// server.AddRoute or AddRoutes, hold net/http handlers; goctl generates
// them in routes.go. Prefixes given by rest.WithPrefix are not read.
var goZero = Framework{
	Name: "go-zero",
	RouteLiterals: []RouteLiteral{
		{Type: "github.com/zeromicro/go-zero/rest.Route", Method: "Method", Path: "Path", Handler: "Handler"},
	},
}
