// Package app deletes files on request, and asks first when run
// interactively, as rclone's operations do.
package app

import (
	"net/http"

	"facts/prompt/ui"
)

var (
	skipped = map[string]bool{}
	asked   = map[string]int{}
	deleted = map[string]bool{}
)

// skipChoose asks the operator and remembers "skip all" for the rest of
// the run: the answer of an interactive command, not request state.
func skipChoose(action string) bool {
	switch ui.Choose("yns") {
	case 's':
		skipped[action] = true
		return true
	case 'n':
		return true
	}
	return false
}

// skipDestructive asks only under --interactive; a request path that
// reaches it does not prompt, and what it writes is reported as usual.
func skipDestructive(interactive bool, action string) bool {
	if skip, ok := skipped[action]; ok {
		return skip
	}
	if interactive {
		// Counted before asking, on every request that gets here.
		asked[action]++ // want `in-process counter asked is written by handler for "/remove"`
		return skipChoose(action)
	}
	return false
}

func remove(w http.ResponseWriter, r *http.Request) {
	if skipDestructive(r.URL.Query().Has("i"), "delete") {
		return
	}
	deleted[r.URL.Path] = true // want `in-memory records table deleted is written by handler for "/remove"`
}

func main() {
	http.HandleFunc("/remove", remove)
}
