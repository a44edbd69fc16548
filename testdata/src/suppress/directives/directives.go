// Package directives exercises //statelint:ignore: on a finding's line,
// on the line above, on the state's declaration, without a reason, and
// silencing nothing; for some checks only; //statelint:file-ignore (in
// fileignore.go); and comments that look like directives but are none.
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

	// A directive for one check silences that check's findings only.
	loads  int                   //statelint:ignore globalstate counted per replica on purpose
	shards = map[string]int{}    //statelint:ignore globalstate,fswrite the wrong checks // want `statelint:ignore directive silences nothing`
	names  = map[string]string{} //statelint:ignore memstore // want `statelint:ignore directive needs a reason`

	// Near misses are reported, and silence nothing.
	typos int // statelint:ignore a space after the slashes // want `^// statelint:ignore is not a directive and silences nothing: write //statelint:ignore with no space in it$`
	tense int //statelint:ignored past tense // want `^//statelint:ignored is not a statelint directive and silences nothing: write //statelint:ignore \[CHECK\] REASON or //statelint:file-ignore CHECK REASON$`
	other int //statelint:disable another linter's word // want `^//statelint:disable is not a statelint directive`
)

func handle(w http.ResponseWriter, r *http.Request) {
	hits++
	misses++ // want `in-process counter misses is written by handler for "/"`
	views++  //statelint:ignore approximate view count is fine per replica
	//statelint:ignore clicks are sampled per replica
	clicks++
	_ = calm
	loads++
	shards[r.URL.Path] = 1  // want `shards`
	names[r.URL.Path] = "x" // want `names`
	typos++                 // want `in-process counter typos`
	tense++                 // want `in-process counter tense`
	other++                 // want `in-process counter other`
}

func main() {
	http.HandleFunc("/", handle)
	http.HandleFunc("/file", handleFile)
}
