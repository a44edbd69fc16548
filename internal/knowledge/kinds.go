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
	Name   string // category, e.g. "session"
	Check  string // analyzer that reports it, e.g. "memstore"
	Title  string // short description, e.g. "in-memory session store"
	Breaks string // what goes wrong with a second replica or a restart
	Advice string // where the state should live instead
}

// Kinds lists every kind, grouped by check, in documentation order.
var Kinds = []Kind{
	{"counter", "globalstate", "in-process counter",
		"each replica counts only the requests it served and a restart resets the count",
		"keep the count in the database or increment it atomically in Redis (INCR)"},
	{"balance", "globalstate", "in-process balance or total",
		"replicas hold different balances and a restart loses every update since start",
		"keep balances and records in a database such as Postgres and update them in a transaction"},
	{"flag", "globalstate", "in-process flag",
		"a flag set by one replica is unset on the others and after a restart",
		"keep the flag in the database or Redis, or make it static configuration read at startup"},
	{"sequence", "globalstate", "in-process ID sequence",
		"two replicas hand out the same IDs and a restart starts the sequence again",
		"let the database generate IDs (a sequence or identity column) or use random UUIDs"},
	{"value", "globalstate", "mutable server variable",
		"a value written by one request is visible only on the replica that served it and is lost on restart",
		"keep the value in the database or Redis, or pass it in the request"},

	{"cache", "memstore", "in-process cache",
		"each replica keeps its own copy, so replicas serve stale or different data and every new replica starts cold",
		"use a shared cache such as Redis or Memcached, or accept per-replica misses and set a short TTL"},
	{"session", "memstore", "in-memory session store",
		"a user logged in or holding a cart on one replica is unknown to the next replica and a restart logs everyone out",
		"keep sessions in Redis (or a database) or in a signed token such as a JWT with a short expiry"},
	{"queue", "memstore", "in-process queue",
		"work queued on one replica is invisible to the others and is lost when that replica stops",
		"use a durable queue such as Kafka, RabbitMQ or Redis streams"},
	{"websocket", "memstore", "in-process connection registry",
		"a broadcast reaches only the clients connected to this replica",
		"fan out through pub/sub (Redis Pub/Sub, NATS) and keep only the live connection sticky"},
	{"job", "memstore", "in-process job status table",
		"a client polling for its job reaches a replica that never saw it, and a restart loses every running job",
		"run jobs through a job queue and keep their status in a database"},
	{"ratelimit", "memstore", "per-client rate limiter in memory",
		"each replica grants the full limit, so N replicas allow N times the rate",
		"keep rate-limit counters in Redis or enforce the limit at the gateway"},
	{"records", "memstore", "in-memory records table",
		"records created on one replica are missing on the others and disappear on restart",
		"store records in a database such as Postgres"},

	{"file", "fswrite", "local file written on a request path",
		"a file saved on one replica cannot be read on the others and is lost with the container",
		"write files to object storage such as S3 or GCS"},
	{"localdb", "fswrite", "local embedded database",
		"each replica writes its own database file, so replicas disagree and data dies with the container",
		"use a networked database such as Postgres"},

	{"order", "requestorder", "request-order assumption",
		"the next request may reach a replica that never saw the first one",
		"carry the data in the request (or a signed token) or keep it in an external store keyed by an ID the client holds"},

	{"lock", "singlereplica", "in-process lock around a read-then-write of a shared store",
		"the mutex serialises only this replica's requests, so two replicas both read the old value and one write overwrites the other",
		"make the store enforce it: a conditional UPDATE (WHERE balance >= $1), SELECT ... FOR UPDATE in a transaction, a version column, Redis WATCH or a Lua script, or a distributed lock with fencing tokens"},
	{"schedule", "singlereplica", "scheduled work that every replica runs",
		"every replica runs the job, so with N replicas its emails, rows and requests happen N times",
		"run it once through a Kubernetes CronJob or a job queue, or elect a leader (a Kubernetes Lease, a database advisory lock, a Redis lock with expiry), and make the job idempotent"},

	{"directive", "suppress", "malformed or unused suppression",
		"a suppression without a reason, or one that silences nothing, hides the review it claims to record",
		"give the reason after //statelint:ignore, or remove the directive"},
}

// KindByName returns the kind with the given name.
func KindByName(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// DocsURL is the base of the documentation pages; a check's page is
// DocsURL + check + ".md" and a kind's section adds "#" + kind.
const DocsURL = "https://github.com/statelint/statelint/blob/main/docs/"
