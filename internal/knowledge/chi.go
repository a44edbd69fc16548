package knowledge

// chi v5 routes net/http handlers; go-chi/httprate is its rate limiter.
var chi = Framework{
	Name: "chi",
	// Methods on *Mux, and on the Router interface that Route and Group
	// callbacks receive.
	Routes: []RouteCall{
		{Recv: "*github.com/go-chi/chi/v5.Mux", Names: chiMethods, MethodFromName: true},
		{Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Handle", "HandleFunc"}},
		{Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Method", "MethodFunc"}, PathArg: 1, MethodFromArg: true},
		{Recv: "github.com/go-chi/chi/v5.Router", Names: chiMethods, MethodFromName: true},
		{Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Handle", "HandleFunc"}},
		{Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Method", "MethodFunc"}, PathArg: 1, MethodFromArg: true},
	},
	Groups: []GroupCall{
		{Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Route"}, By: GroupCallback},
		{Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Group"}, By: GroupCallback, NoPrefix: true},
		{Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"With"}, NoPrefix: true},
		{Recv: "*github.com/go-chi/chi/v5.Mux", Names: []string{"Mount"}, By: GroupMounted},
		{Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Route"}, By: GroupCallback},
		{Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Group"}, By: GroupCallback, NoPrefix: true},
		{Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"With"}, NoPrefix: true},
		{Recv: "github.com/go-chi/chi/v5.Router", Names: []string{"Mount"}, By: GroupMounted},
	},
	// go-chi/httprate counts in this process unless given a LimitCounter
	// (httprate-redis). LimitAll and Limit without key options keep one
	// bucket for the replica, by design, and are not listed.
	Stores: []SessionStore{
		{"github.com/go-chi/httprate.LimitByIP", SessionInMemory, "", RateLimit, nil, ""},
		{"github.com/go-chi/httprate.LimitByRealIP", SessionInMemory, "", RateLimit, nil, ""},
		{"github.com/go-chi/httprate.LimitBy", SessionInMemory, "", RateLimit, []string{
			"github.com/go-chi/httprate.WithLimitCounter", "github.com/go-chi/httprate.WithNoop", "github.com/go-chi/httprate.Key",
		}, ""},
	},
}

var chiMethods = []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Connect", "Options", "Trace", "Query"}
