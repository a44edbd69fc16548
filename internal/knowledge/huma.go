package knowledge

// huma v2: operation handlers are func(ctx, *Input) (*Output, error) with
// the program's own types, so they are known by their registration:
// huma.Register(api, huma.Operation{Method, Path}, handler) and the
// huma.Get(api, path, handler) shorthands. The shorthands' trailing
// operation handlers run once, at registration.
var huma = Framework{
	Name: "huma",
	Entries: []EntryCall{
		{Pkg: "github.com/danielgtaylor/huma/v2", Names: []string{"Register", "Get", "Post", "Put", "Patch", "Delete"}, Arg: 2},
	},
	Routes: []RouteCall{
		{Pkg: "github.com/danielgtaylor/huma/v2", Names: []string{"Get", "Post", "Put", "Patch", "Delete"}, PathArg: 1, MethodFromName: true},
		{Pkg: "github.com/danielgtaylor/huma/v2", Names: []string{"Register"}, PathArg: 1, PathField: "Path", MethodField: "Method"},
	},
}
