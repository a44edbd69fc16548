package ignored // want package:`ignored\(g:facts/ignored.Audit, r:facts/ignored.Server.log\)`

// The package fact (reported at 1:1) lists the state whose declaration
// carries a directive with a reason; a directive without one covers
// nothing.

//statelint:ignore audited: append-only audit trail mirrored to the database
var Audit []string

//statelint:ignore
var Unexplained []string

// Server keeps a log.
type Server struct {
	log []string //statelint:ignore replayed from the database at start
}
