// Package files writes local files on request paths in every way the
// check knows, next to the scratch and startup writes it must leave alone.
package files

import (
	"io"
	"net/http"
	"os"
)

var dataDir = "/var/lib/app"

func save(name string, b []byte) error {
	return os.WriteFile(dataDir+"/"+name, b, 0o600)
}

func handle(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	save(r.FormValue("name"), b)
	// One finding for the handler's writes under dataDir, at the nearest;
	// save's, the rename's and the kept temp file's are further sites.
	os.MkdirAll(dataDir+"/"+r.FormValue("dir"), 0o755) // want `handler for "POST /save" writes a local file with os.MkdirAll`
	os.Rename(dataDir+"/a", dataDir+"/b")
	keep, _ := os.CreateTemp(dataDir, "upload-*")
	io.Copy(keep, r.Body)
	ro, _ := os.OpenFile(dataDir+"/config.json", os.O_RDONLY, 0) // read-only: not a finding
	ro.Close()
}

func sink(f *os.File, r io.Reader) { io.Copy(f, r) } // want `handler for "POST /save" writes a local file with io.Copy`

func stream(w http.ResponseWriter, r *http.Request) {}

func main() {
	os.MkdirAll(dataDir, 0o755)
	os.WriteFile(dataDir+"/started", nil, 0o600)
	http.HandleFunc("POST /save", func(w http.ResponseWriter, r *http.Request) {
		handle(w, r)
		sink(os.Stdout, r.Body)
	})
}
