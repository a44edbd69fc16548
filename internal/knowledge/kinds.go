// Package knowledge holds statelint's knowledge tables as data: the kinds of
// hidden server state and where each should live instead, the handler
// signatures of web frameworks, the calls that write the local filesystem,
// and the types that are safe to keep in process memory.
//
// The tables are read by the passes, the standalone driver (for SARIF rules),
// the golangci-lint plugin and the documentation; nothing else repeats them.
package knowledge

// A Kind is one kind of hidden server state. Its Name is the diagnostic
// Category and the anchor of its section on the check's page under docs/.
type Kind struct {
	Name   KindName // category, e.g. "session"
	Check  string   // analyzer that reports it, e.g. "memstore"
	Title  string   // short description, e.g. "in-memory session store"
	Breaks string   // what goes wrong with a second replica or a restart
	Advice string   // where the state should live instead
	// Transient is set for kinds of per-client data that one request
	// leaves for a later one to read (a session, a record, a step of a
	// flow, a job before its poll): reading it in another handler assumes
	// the next request lands on the same replica. Caches tolerate misses;
	// counters, flags and sequences are process-wide, not one client's;
	// rate limiters, connection registries and queues are reported for
	// what they are.
	Transient bool
	// Container is set for the kinds of state that hold many entries (a
	// table, a queue, a registry), as opposed to one value: when one
	// component's state is reported as one finding, a container leads.
	Container bool
	// Counts is set for the kinds that are a number moved a step at a
	// time, alone or one per entry (a counter, a sequence, a balance, a
	// limiter's hits per client): an increment in an entry shows the
	// state as well as a write of the container does.
	Counts bool
}

// A KindName names a kind: the diagnostic category.
type KindName string

// The kinds, one per row of Kinds.
const (
	Counter   KindName = "counter"
	Balance   KindName = "balance"
	Flag      KindName = "flag"
	Sequence  KindName = "sequence"
	Value     KindName = "value"
	Cache     KindName = "cache"
	Session   KindName = "session"
	Queue     KindName = "queue"
	Websocket KindName = "websocket"
	Job       KindName = "job"
	RateLimit KindName = "ratelimit"
	Records   KindName = "records"
	File      KindName = "file"
	LocalDB   KindName = "localdb"
	Order     KindName = "order"
	Lock      KindName = "lock"
	Schedule  KindName = "schedule"
	Directive KindName = "directive"
)

// Kinds lists every kind, grouped by check, in documentation order.
var Kinds = []Kind{
	{Name: Counter, Check: "globalstate", Title: "in-process counter",
		Breaks: "each replica counts only the requests it served and a restart resets the count",
		Advice: "keep the count in the database or increment it atomically in Redis (INCR)",
		Counts: true},
	{Name: Balance, Check: "globalstate", Title: "in-process balance or total",
		Breaks:    "replicas hold different balances and a restart loses every update since start",
		Advice:    "keep balances and records in a database such as Postgres and update them in a transaction",
		Transient: true, Counts: true},
	{Name: Flag, Check: "globalstate", Title: "in-process flag",
		Breaks: "a flag set by one replica is unset on the others and after a restart",
		Advice: "keep the flag in the database or Redis, or make it static configuration read at startup"},
	{Name: Sequence, Check: "globalstate", Title: "in-process ID sequence",
		Breaks: "two replicas hand out the same IDs and a restart starts the sequence again",
		Advice: "let the database generate IDs (a sequence or identity column) or use random UUIDs",
		Counts: true},
	{Name: Value, Check: "globalstate", Title: "mutable server variable",
		Breaks:    "a value written by one request is visible only on the replica that served it and is lost on restart",
		Advice:    "keep the value in the database or Redis, or pass it in the request",
		Transient: true},

	{Name: Cache, Check: "memstore", Title: "in-process cache",
		Breaks:    "each replica keeps its own copy, so replicas serve stale or different data and every new replica starts cold",
		Advice:    "use a shared cache such as Redis or Memcached, or accept per-replica misses and set a short TTL",
		Container: true},
	{Name: Session, Check: "memstore", Title: "in-memory session store",
		Breaks:    "a user logged in or holding a cart on one replica is unknown to the next replica and a restart logs everyone out",
		Advice:    "keep sessions in Redis (or a database) or in a signed token such as a JWT with a short expiry",
		Transient: true, Container: true},
	{Name: Queue, Check: "memstore", Title: "in-process queue",
		Breaks:    "work queued on one replica is invisible to the others and is lost when that replica stops",
		Advice:    "use a durable queue such as Kafka, RabbitMQ or Redis streams",
		Container: true},
	{Name: Websocket, Check: "memstore", Title: "in-process connection registry",
		Breaks:    "a broadcast reaches only the clients connected to this replica",
		Advice:    "fan out through pub/sub (Redis Pub/Sub, NATS) and keep only the live connection sticky",
		Container: true},
	{Name: Job, Check: "memstore", Title: "in-process job status table",
		Breaks:    "a client polling for its job reaches a replica that never saw it, and a restart loses every running job",
		Advice:    "run jobs through a job queue and keep their status in a database",
		Transient: true, Container: true},
	{Name: RateLimit, Check: "memstore", Title: "per-client rate limiter in memory",
		Breaks:    "each replica grants the full limit, so N replicas allow N times the rate",
		Advice:    "keep rate-limit counters in Redis or enforce the limit at the gateway",
		Container: true, Counts: true},
	{Name: Records, Check: "memstore", Title: "in-memory records table",
		Breaks:    "records created on one replica are missing on the others and disappear on restart",
		Advice:    "store records in a database such as Postgres",
		Transient: true, Container: true},

	{Name: File, Check: "fswrite", Title: "local file written on a request path",
		Breaks:    "a file saved on one replica cannot be read on the others and is lost with the container",
		Advice:    "write files to object storage such as S3 or GCS",
		Transient: true},
	{Name: LocalDB, Check: "fswrite", Title: "local embedded database",
		Breaks:    "each replica writes its own database file, so replicas disagree and data dies with the container",
		Advice:    "use a networked database such as Postgres",
		Transient: true},

	{Name: Order, Check: "requestorder", Title: "request-order assumption",
		Breaks:    "the next request may reach a replica that never saw the first one",
		Advice:    "carry the data in the request (or a signed token) or keep it in an external store keyed by an ID the client holds",
		Transient: true},

	{Name: Lock, Check: "singlereplica", Title: "in-process lock around a read-then-write of a shared store",
		Breaks: "the mutex serialises only this replica's requests, so two replicas both read the old value and one write overwrites the other",
		Advice: "make the store enforce it: a conditional UPDATE (WHERE balance >= $1), SELECT ... FOR UPDATE in a transaction, a version column, Redis WATCH or a Lua script, or a distributed lock with fencing tokens"},
	{Name: Schedule, Check: "singlereplica", Title: "scheduled work that every replica runs",
		Breaks: "every replica runs the job, so with N replicas its emails, rows and requests happen N times",
		Advice: "run it once through a Kubernetes CronJob or a job queue, or elect a leader (a Kubernetes Lease, a database advisory lock, a Redis lock with expiry), and make the job idempotent"},

	{Name: Directive, Check: "suppress", Title: "malformed or unused suppression",
		Breaks:    "a suppression without a reason, one that silences nothing, or a comment that looks like a directive but is none hides the review it claims to record",
		Advice:    "give the reason after //statelint:ignore (and the check after //statelint:file-ignore), spell the directive as statelint knows it, or remove it",
		Transient: true},
}

// KindByName returns the kind with the given name.
func KindByName(name KindName) (Kind, bool) {
	k, ok := kindsByName[string(name)]
	return k, ok
}

var kindsByName = index(Kinds, func(k Kind) string { return string(k.Name) })

// DocsURL is the base of the documentation pages; CheckURL and Kind.URL
// build every link to them.
const DocsURL = "https://github.com/statelint/statelint/blob/main/docs/"

// CheckURL is the documentation page of a check.
func CheckURL(check string) string { return DocsURL + check + ".md" }

// URL is the section of the kind on its check's page.
func (k Kind) URL() string { return CheckURL(k.Check) + "#" + string(k.Name) }
