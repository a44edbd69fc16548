package knowledge

// A Hint is evidence about the kind of a piece of state, gathered where it
// is touched: how a site writes it, what its key comes from, or what a
// modelled call does. The state pass weighs hints against the state's
// type and name.
type Hint string

// The hints.
const (
	HintLookup    Hint = "lookup"    // looked up by key
	HintGetOrLoad Hint = "getorload" // looked up and filled on a miss in one call
	HintCache     Hint = "cache"     // written where the same function looks it up: get-or-load
	HintIncrement Hint = "increment" // x++, m[k]++
	HintAdd       Hint = "add"       // x += amount
	HintAppend    Hint = "append"    // appended to
	HintFlag      Hint = "flag"      // a boolean constant stored
	HintClock     Hint = "clock"     // a reading of the clock stored: a time stamp
	HintQueue     Hint = "queue"     // sent to, pushed
	HintSession   Hint = "session"   // keyed by a session cookie or token
	HintRateLimit Hint = "ratelimit" // keyed by the client's address
	HintStatic    Hint = "static"    // keyed by what the program itself derives: a memo
	HintGo        Hint = "go"        // written in a goroutine a request path starts
	HintFile      Hint = "file"      // written through a file handle
	HintLoad      Hint = "load"      // filled on a miss with data loaded from an external store
	HintRecord    Hint = "record"    // stores what the request brought or made
	HintToken     Hint = "token"     // stores it under a fresh random key the client holds
	HintEntry     Hint = "entry"     // an empty entry made on a miss, which later writes fill: not a cache fill
)
