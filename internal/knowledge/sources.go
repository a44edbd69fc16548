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
	"queue": "queue", "queued": "queue", "pending": "queue", "backlog": "queue",
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

// MetricWords, found in a state's name (split like NameWords), mark
// monitoring data: request statistics, a /varz snapshot, telemetry. Each
// replica reporting its own numbers is what monitoring wants, like expvar
// and Prometheus metrics, so such state is not a finding.
var MetricWords = []string{"stats", "statistics", "metric", "metrics", "varz", "telemetry"}

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

// MemoValueTypes are values compiled or loaded from what the program
// ships: parsed templates, compiled patterns, time zones. A map or cache
// that stores them memoises the same value on every replica (a template
// cache keyed by file name), so filling it on a request path is not
// hidden state.
var MemoValueTypes = []string{
	"text/template.Template", "html/template.Template", "regexp.Regexp", "time.Location",
}
