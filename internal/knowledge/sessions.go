package knowledge

// Session and rate-limit libraries that no web framework ships.
var (
	gorillaSessions = Framework{
		Name: "gorilla/sessions",
		Stores: []SessionStore{
			{"github.com/gorilla/sessions.NewCookieStore", SessionCookie, "", "", nil, ""},
			{"github.com/gorilla/sessions.NewFilesystemStore", SessionLocalFS, "", "", nil, ""},
		},
	}
	ululeLimiter = Framework{
		Name: "ulule/limiter",
		Stores: []SessionStore{
			{"github.com/ulule/limiter/v3/drivers/store/memory.NewStore", SessionInMemory, "", RateLimit, nil, ""},
			{"github.com/ulule/limiter/v3/drivers/store/memory.NewStoreWithOptions", SessionInMemory, "", RateLimit, nil, ""},
		},
		Limiters: []string{"github.com/ulule/limiter/v3.Limiter"},
	}
)
