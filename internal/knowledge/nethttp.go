package knowledge

// netHTTP is the standard library's HTTP server. chi and gorilla/mux
// route its handlers too.
var netHTTP = Framework{
	Name:         "net/http",
	Handlers:     []HandlerSig{{Params: []string{httpResponseWriter, httpRequest}}},
	RequestTypes: []string{httpRequest},
	Stashes:      []string{"context.WithValue"},
	Cookies:      []string{"net/http.Cookie"},
	Routes: []RouteCall{
		{Pkg: "net/http", Names: []string{"Handle", "HandleFunc"}},
		{Recv: "*net/http.ServeMux", Names: []string{"Handle", "HandleFunc"}},
	},
	TestServers: []string{
		"net/http/httptest.NewServer",
		"net/http/httptest.NewTLSServer",
		"net/http/httptest.NewUnstartedServer",
	},
	KeySources: []KeySource{
		{"net/http.Request.Cookie", HintSession},
		{"net/http.Request.Cookies", HintSession},
		{"net/http.Request.CookiesNamed", HintSession},
	},
	KeyFields: map[string]Hint{"net/http.Request.RemoteAddr": HintRateLimit},
	Calls:     []CallEffect{{"net/http.ServeFile", OpFileRead, 2, ""}},
	// Server-sent events: the handler keeps the request's http.Flusher (or
	// ResponseWriter) in a registry and loops until the client goes away.
	Conns: []ConnSource{
		{"net/http.Flusher", "", -1},
		{"net/http.ResponseWriter", "", -1},
	},
	SafeTypes: []string{"net/http.Client", "net/http.Transport"},
	// The client: a GET reads; anything with a body sends. Do sends unless
	// its request was made with a constant GET or HEAD method.
	External: []ExternalCall{
		{"net/http.Get", StoreHTTP, ExtRead, -1, false},
		{"net/http.Head", StoreHTTP, ExtRead, -1, false},
		{"net/http.Post", StoreHTTP, ExtSend, -1, false},
		{"net/http.PostForm", StoreHTTP, ExtSend, -1, false},
		{"net/http.Client.Get", StoreHTTP, ExtRead, -1, false},
		{"net/http.Client.Head", StoreHTTP, ExtRead, -1, false},
		{"net/http.Client.Post", StoreHTTP, ExtSend, -1, false},
		{"net/http.Client.PostForm", StoreHTTP, ExtSend, -1, false},
		{"net/http.Client.Do", StoreHTTP, ExtSend, -1, false},
	},
	RequestCtors: map[string]int{"net/http.NewRequest": 0, "net/http.NewRequestWithContext": 1},
}

// The types of net/http that other frameworks' signatures use.
const (
	httpResponseWriter = "net/http.ResponseWriter"
	httpRequest        = "*net/http.Request"
	httpHandler        = "net/http.Handler"
)
