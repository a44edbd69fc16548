/*
Package globalstate defines an Analyzer that reports mutable server state
written on a request path.

# Analyzer globalstate

globalstate: report package-level, receiver and captured variables written on a request path

A service scales out only if any replica can serve any request. A counter,
balance, flag or ID sequence kept in a package-level variable, in a field
of the long-lived server value a handler method hangs off, or in a variable
captured by a handler closure built at startup lives in one process: each
replica sees its own value, and a restart loses it.

The check follows every request-path entry point (handlers, ServeHTTP
methods, the closures that middleware and handler constructors return)
through the calls it makes, across packages, and reports the writes of such
a variable at the write, or at the call in the analysed package that leads
to it: once per handler that writes it (handlers that reach one write
through a helper they share are one finding), at the site of the handler
that creates the data rather than removes it, with the other writes as
related information. Writes at startup (init, main before serving, constructors called
only at setup), writes inside sync.Once, and variables of types meant to
live for the whole process (database and Redis clients, metrics, loggers,
templates, regexps) are not reported. Nor is a scratch value: an
unexported variable of scalar fields that every function reading it first
overwrites in full (a stats struct filled under a mutex, then encoded
into the response), since no request sees what another left.
Containers (maps, slices, channels, caches) are reported by memstore
instead, except a map whose values are only counted up or down
(views[path]++), which is a table of counters.

Counters and running totals are judged by use: one whose value is only
logged, handed to a metric (expvar, Prometheus) or used to pick one of
this replica's own resources (a round-robin index) is monitoring, per
replica by design, and is not reported. One read back to decide what a
request gets is reported: a running total that refuses an upload is a
balance (a quota). A count written into a response (a visitor count, a
stats page) is still reported: the client sees one replica's number. A
count nothing in its package reads is reported when no other package can
reach it (unexported, or in package main). One that other packages can
reach (an exported variable, or exported fields below an exported type,
such as a handler's Metrics struct that a Prometheus collector elsewhere
loads) is judged where it is read, and is not reported here. Handing the
count's address to the atomic add that changes it is the write, not a
read.

Wrong:

	var requestCount int

	func handle(w http.ResponseWriter, r *http.Request) {
		requestCount++
	}

Right: keep the count where every replica sees it.

	func handle(w http.ResponseWriter, r *http.Request) {
		rdb.Incr(r.Context(), "request_count")
	}

Limits: calls through interfaces declared outside the analysed module, and
through function values, are not followed; versioned dependencies are seen
only through statelint's knowledge tables; routes are named only when they
are registered in the handler's package (see docs/overview.md#limits).

Suppress a finding with a reason on its line or on the variable's
declaration:

	var requestCount int //statelint:ignore per-replica debug counter, reset on deploy
*/
package globalstate
