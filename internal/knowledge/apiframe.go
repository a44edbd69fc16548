package knowledge

// riverqueue/apiframe: apiendpoint.Mount(mux, endpoint, opts) serves an
// endpoint value of the program's own type on the mux; its Execute method
// runs once per request, with the request decoded into the program's own
// struct, so it is known by its registration.
var apiframe = Framework{
	Name: "apiframe",
	Entries: []EntryCall{
		{Pkg: "github.com/riverqueue/apiframe/apiendpoint", Names: []string{"Mount"}, Arg: 1, Methods: true},
	},
}
