// Package inventory defines a helper analyzer that collects, per package,
// what the state inventory of a service is made of: the request-path
// entry points with their routes, every finding of the state checks as
// data (reported or accepted by a directive), and how each entry point
// writes and reads the state the checks are about. It reports nothing;
// the standalone driver's -inventory flag runs it on the whole program
// and merges the parts into one report (internal/inventory).
//
// It is not a check: it is not in passes.All and does not run under go
// vet. The checks it requires still run and report, but a driver that
// runs this analyzer alone reads only its result.
package inventory
