/*
Package memstore defines an Analyzer that reports in-process containers
used as server state on a request path.

# Analyzer memstore

memstore: report in-memory caches, sessions, queues, connection registries, job tables and rate limiters

Maps, sync.Map, slices, channels, container/list, cache libraries
(golang-lru, go-cache, ristretto, bigcache, freecache, ttlcache) and the
containers of other modules that a request path writes are per-replica
state. A dependency has no summaries under go vet, so its types are judged
by structure: a generic type with Store or Set and Load or Get by key
(xsync.MapOf), or any type with such methods that holds a map, slice or
channel and nothing that leaves the process (a cache library no table
names); a client with the same methods that holds a connection or an HTTP
client (Consul's KV, a Redis client) is not. A container of handles
(prepared statements, HTTP or database clients by host or tenant) is a
pool, the same on every replica, and not state. The check classifies each
one by
how it is used and says where it belongs:

  - session: keyed by a cookie, token or Authorization header, or named so
    (sessions, carts): Redis or a signed token such as a JWT;
  - cache: get-or-load, or a cache library: Redis or Memcached;
  - queue: a channel send or an append that a worker drains: Kafka,
    RabbitMQ or Redis streams;
  - websocket: connections or event channels kept to broadcast to: pub/sub
    (Redis Pub/Sub, NATS), sticky routing only for the live connection;
  - job: status of background work that clients poll: a job queue plus a
    database;
  - ratelimit: limiters or counters per client address: Redis or the
    gateway;
  - records: anything else, an in-memory table: a database.

Framework middleware that keeps its state in this process by default is
reported where it is constructed, since that is where the store was
chosen: gin-contrib's memstore and fiber's session.New without a Storage
(sessions), gorilla's FilesystemStore (sessions on local disk), echo's
NewRateLimiterMemoryStore, fiber's limiter.New, ulule/limiter's memory
store and go-chi/httprate's LimitByIP, and LimitBy without a LimitCounter
(rate limits), alexedwards/scs's scs.New unless the program sets its Store
(sessions), fiber's cache.New (cached responses), and melody.New, whose
hub keeps every connection it accepts (connection registry). Given a
Redis or database Storage, they are not findings. The stores one
function makes with one constructor (a limiter for each group of routes
in a route table) are one choice: one finding at the first, with the
others beside it.

A store of the program's own behind an interface or a callback is
reported the same way, where the program puts the implementation in
the field, constructor argument or variable that handlers call through,
when that implementation's methods keep what they are given in memory:
"in-memory session store Store.sessions of memory.New(), chosen by case
"memory", is written by handler for "POST /login" through Sessions.Put".
An implementation over Redis or a database is not a finding. Handlers
that reach the same write of the implementation (its method is a helper
they share) are one line at the construction: it names the handler that
creates the data (routed for POST, PUT or PATCH) and counts the others
("(and 4 other handlers)"), which its related information lists; a
handler that reaches another write of it is a line of its own. A store
handed out by a function of another package of the module (a locator,
store.Get(), returning what that package chose at startup) is reported
where the handler calls the locator, since the locator's package, which
made the choice, never sees the handlers.

A hub run as an actor, whose loop runs the operations that handlers send
on its channel (hub.ops <- func(h *Hub) { h.listeners[l] = true }), is
reported at what the operations write through their parameter of the
hub's type: that is the hub's own table, written for the request that
queued the operation. The send of such an operation is not itself a
queue; a channel of jobs that take nothing of its owner still is.

A channel that is sent only what was loaded from a store every replica
shares (the feeds due for a refresh, read from the database and handed
to this process's workers, directly or through a Push of the caller's
rows) keeps nothing of its own: the store can give that work again, on
any replica. What a request brings into a channel (a document to
convert, a notification) exists nowhere else once queued, and is.

A map whose values a handler only counts up (views[path]++) is a table of
counters and reported by globalstate. Each container is reported once per
handler that writes it (handlers that reach one write through a helper
they share, in this package or another, are one finding), at the site of
the handler that inserts rather than deletes (POST and PUT before
DELETE), with the other writes as related information. State that
another component encapsulates is one finding naming its parts,
"store.byKey (with store.last)": the unexported variables of another
package and the internals of a value of another package's type, reached
through the calls of one function; the fields of a value of this package
that its own methods write behind a call (a limiter's windows and counts
behind its Incr), in one handler. When the state is per-client data one request leaves for a later
one (a session, a job, a record), the finding also names, as related
information, each other handler that reads it: that is the request-order
assumption, and requestorder does not repeat it.

Wrong:

	var sessions = map[string]User{}

	func login(w http.ResponseWriter, r *http.Request) {
		sessions[newID()] = user
	}

Right:

	func login(w http.ResponseWriter, r *http.Request) {
		rdb.Set(r.Context(), "session:"+id, user, time.Hour)
	}

Containers filled only at startup and read on request paths (lookup
tables, routing maps) are not reported. What makes a container state is
where its values come from, not its name or type: a memo, filled where
it is looked up with values derived only from the program (constants,
embedded files, data set at init), its configuration and the key (a
catalogue read lazily from an embedded FS, a regexp compiled from the
pattern it is keyed by, maps keyed by reflect.Type, a type name or a
function address), is the same on every replica and is not reported.
Values loaded from a database, Redis or an HTTP call on a miss make a
cache; values the request brought or made (its body, form, the clock,
randomness) make records, or a session when they are kept under a fresh
random key the client holds, never a cache; m[k] += amount is a table of
balances, records. A table of counts only logged or exported is
monitoring, not state; the same table read back to refuse a request (ban
an address after 200 hits) is a rate limiter. Nor is a default filled in when a lookup misses it (a
fixed value under a fixed key, stored on the branch where the lookup
found nothing): the lookup answers the same on every replica.

Suppress a finding with a reason on its line or on the declaration:

	var hub = map[*websocket.Conn]bool{} //statelint:ignore single-replica admin console
*/
package memstore
