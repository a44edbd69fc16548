/*
Package requestorder defines an Analyzer that reports handlers that read
what a different handler kept in process memory or on local disk.

# Analyzer requestorder

requestorder: report a handler reading state that another handler keeps in memory

A multi-step flow (step1 then step2), a job started by one request and
polled by the next, an upload followed by a download: each assumes the
second request reaches the replica that served the first. Behind a load
balancer it often does not. The check reports the read in the second
handler (once per function, at its first read of the state), with the
handler that keeps the state as related information. Caches, rate limiters and connection registries are left to memstore.

Wrong:

	var step1Data = map[string]Form{}

	func step1(w http.ResponseWriter, r *http.Request) { step1Data[id] = form }
	func step2(w http.ResponseWriter, r *http.Request) { form := step1Data[id] }

Right: carry the data in the request (a hidden field or signed token), or
keep it in an external store keyed by an ID the client holds.

Limits: both handlers must be in the analysed package.

Suppress a finding with a reason on its line.
*/
package requestorder
