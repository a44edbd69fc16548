package knowledge

// A KeySource is a call whose result, used as a map key, tells what the map
// is keyed by: a session cookie or token (Hint "session") or the client's
// address (Hint "ratelimit").
type KeySource struct {
	Func string
	Hint Hint
}

// keySources are the request accessors of no framework that identify a
// client; each Framework adds its own (see KeySources).
var keySources = []KeySource{
	{"net.SplitHostPort", HintRateLimit},
}

// KeyHeaders are request header names that carry a session or a client
// address; a key read from one of them gets that hint.
var KeyHeaders = map[string]Hint{
	"Authorization": "session", "X-Session-Id": "session", "X-Session-ID": "session",
	"Session-Id": "session", "X-Auth-Token": "session", "X-Api-Key": "session",
	"X-Forwarded-For": "ratelimit", "X-Real-Ip": "ratelimit", "X-Real-IP": "ratelimit",
}

// NameWords maps words found in a state's name (split at camel case,
// underscores and dots, lower-cased) to the kind they suggest. Names are the
// weakest evidence: types and how the state is used take precedence.
var NameWords = map[string]KindName{
	"session": "session", "sessions": "session", "sess": "session", "sid": "session",
	"login": "session", "logins": "session", "cart": "session", "carts": "session",
	"token": "session", "tokens": "session", "auth": "session",
	"cache": "cache", "cached": "cache", "caches": "cache", "memo": "cache", "lru": "cache",
	"queue": "queue", "queues": "queue", "queued": "queue", "pending": "queue", "backlog": "queue",
	"outbox": "queue", "inbox": "queue", "mailbox": "queue", "buffer": "queue",
	"clients": "websocket", "conns": "websocket", "connections": "websocket",
	"hub": "websocket", "subscribers": "websocket", "sockets": "websocket",
	"peers": "websocket", "websocket": "websocket", "websockets": "websocket",
	"ws": "websocket", "rooms": "websocket", "listeners": "websocket", "streams": "websocket",
	"job": "job", "jobs": "job", "status": "job", "statuses": "job", "progress": "job",
	"tasks": "job", "task": "job",
	"limiter": "ratelimit", "limiters": "ratelimit", "visitors": "ratelimit",
	"ratelimit": "ratelimit", "buckets": "ratelimit", "attempts": "ratelimit",
	"throttle": "ratelimit", "rate": "ratelimit",
	"balance": "balance", "balances": "balance", "total": "balance", "amount": "balance",
	"credit": "balance", "credits": "balance", "funds": "balance", "wallet": "balance",
	"id": "sequence", "seq": "sequence", "sequence": "sequence", "next": "sequence",
	"count": "counter", "counter": "counter", "hits": "counter", "requests": "counter",
}

// StaticKeyPackages and StaticKeyTypes mark map keys derived from the
// program itself (a function's address, a reflect.Type): a map filled
// under such keys memoises program metadata, which is identical on every
// replica, so it is not hidden state.
// StaticKeyFormats are fmt formats whose result names a type
// (fmt.Sprintf("%T", v)): a registry keyed by type name.
var (
	StaticKeyPackages = []string{"reflect", "runtime"}
	StaticKeyTypes    = []string{"reflect.Type", "reflect.Value"}
	StaticKeyFormats  = []string{"%T"}
)

// ClockFuncs read the clock; RandomPackages make random numbers and
// identifiers; ConfigFuncs read what the deployment sets up (the
// environment, files it ships). A value stored from them is the
// request's own (a timestamp, a fresh token), or configuration, which is
// the same on every replica.
var (
	ClockFuncs     = []string{"time.Now", "time.Since", "time.Until"}
	RandomPackages = []string{"math/rand", "math/rand/v2", "crypto/rand", "github.com/google/uuid",
		"github.com/gofrs/uuid", "github.com/gofrs/uuid/v5", "github.com/rs/xid", "github.com/oklog/ulid",
		"github.com/oklog/ulid/v2", "github.com/segmentio/ksuid"}
	ConfigFuncs = []string{"os.Getenv", "os.LookupEnv", "os.Environ", "os.Hostname", "os.ReadFile",
		"os.Open", "io/ioutil.ReadFile", "io/fs.ReadFile", "io/fs.Sub"}
)
