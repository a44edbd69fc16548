// Package deepstats reaches statistics two imports away: the handler's
// package does not import acct, yet acct's own use of the numbers (it
// only logs them) still marks them as monitoring data.
package deepstats

import (
	"net/http"

	"clean/deepstats/vfs"
)

func serve(w http.ResponseWriter, r *http.Request) {
	w.Write(vfs.Read(r.URL.Path))
}

func main() {
	http.HandleFunc("/", serve)
	http.ListenAndServe(":8080", nil)
}
