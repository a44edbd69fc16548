// Package directives exercises //statelint:ignore: on a finding's line,
// on the line above, on the state's declaration, without a reason, and
// silencing nothing.
package directives

import "net/http"

var (
	hits int //statelint:ignore per-replica debug counter, reset on deploy
	// The next directive has no reason, so it silences nothing.
	misses int //statelint:ignore // want `statelint:ignore directive needs a reason`
	views  int
	clicks int
	calm   int //statelint:ignore nothing writes this on a request path // want `statelint:ignore directive silences nothing`
	// Exported state may be written by importers: its directive is kept.
	Shared int //statelint:ignore written by the admin package only
)

func handle(w http.ResponseWriter, r *http.Request) {
	hits++
	misses++ // want `in-process counter misses is written by handler for "/"`
	views++  //statelint:ignore approximate view count is fine per replica
	//statelint:ignore clicks are sampled per replica
	clicks++
	_ = calm
}

func main() {
	http.HandleFunc("/", handle)
}
