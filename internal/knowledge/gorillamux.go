package knowledge

// gorillaMux routes net/http handlers; the method, if any, comes from a
// chained .Methods(...).
var gorillaMux = Framework{
	Name: "gorilla/mux",
	Routes: []RouteCall{
		{Recv: "*github.com/gorilla/mux.Router", Names: []string{"Handle", "HandleFunc"}, MethodCall: "Methods"},
	},
	Groups: []GroupCall{
		{Recv: "*github.com/gorilla/mux.Router", Names: []string{"PathPrefix"}, Then: "Subrouter"},
		{Recv: "*github.com/gorilla/mux.Route", Names: []string{"PathPrefix"}, Then: "Subrouter"},
	},
}
