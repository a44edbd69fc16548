/*
Package requestorder defines an Analyzer that reports handlers that read
what a different handler kept in process memory or on local disk.

# Analyzer requestorder

requestorder: report a handler reading state that another handler keeps in memory

A multi-step flow (step1 then step2), a job started by one request and
polled by the next, an upload followed by a download: each assumes the
second request reaches the replica that served the first. Behind a load
balancer it often does not.

One finding per problem: the write finding of per-client data that one
request leaves for a later one (a step of a flow, an OAuth state, a
session, a job before its poll, a record; the kinds marked Transient in
internal/knowledge/kinds.go) already names, as related information, each
other handler that reads it. So this check reports a read only where no
write finding of the analysed package names the state, which is when the
write finding was silenced for its own check (a memstore
//statelint:ignore on the table, say, which accepts the table but not
the order assumption), and for local files, whose fswrite finding is per
write site: the download of an upload. It reports once per state (or
upload directory) and reading handler, at that handler's first read, with
the handler that keeps the state as related information, preferring a
handler that creates the data over one that deletes it. Caches, counters,
flags, rate limiters and connection registries are left to the other
checks.

Wrong:

	var step1Data = map[string]Form{}

	func step1(w http.ResponseWriter, r *http.Request) { step1Data[id] = form }
	func step2(w http.ResponseWriter, r *http.Request) { form := step1Data[id] }

memstore reports the write in step1 and names step2's read; with that
finding suppressed for memstore only, this check reports the read.

Right: carry the data in the request (a hidden field or signed token), or
keep it in an external store keyed by an ID the client holds.

Limits: both handlers must be in the analysed package.

Suppressing the write finding for memstore or globalstate makes the reads
findings of this check; suppress both, or name both checks
(//statelint:ignore memstore,requestorder <reason>), to accept the flow.

Suppress a finding with a reason on its line.
*/
package requestorder
