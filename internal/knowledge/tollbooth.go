package knowledge

// tollbooth: didip/tollbooth's limiter keeps a token bucket per client
// address (and per header, basic-auth user or method it is told to key
// by) in an expirable map of this process; it has no external store. Its
// middleware (tollbooth.LimitHandler, tollbooth_chi.LimitHandler and the
// other adapters) takes the limiter that NewLimiter made.
var tollbooth = Framework{
	Name: "tollbooth",
	Stores: []SessionStore{
		{Func: "github.com/didip/tollbooth.NewLimiter", Kind: SessionInMemory, Holds: RateLimit},
		{Func: "github.com/didip/tollbooth/v5.NewLimiter", Kind: SessionInMemory, Holds: RateLimit},
		{Func: "github.com/didip/tollbooth/v6.NewLimiter", Kind: SessionInMemory, Holds: RateLimit},
		{Func: "github.com/didip/tollbooth/v7.NewLimiter", Kind: SessionInMemory, Holds: RateLimit},
		{Func: "github.com/didip/tollbooth/v8.NewLimiter", Kind: SessionInMemory, Holds: RateLimit},
	},
}
