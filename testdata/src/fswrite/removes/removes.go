// Package removes changes local files on request paths without writing
// their bytes: deleting, moving, linking, truncating and changing their
// mode or times all change what the disk holds for the next request,
// which another replica's disk does not see.
package removes

import (
	"net/http"
	"os"
	"path/filepath"
	"time"
)

var dataDir = "/var/lib/app"

func deleteFile(w http.ResponseWriter, r *http.Request) {
	os.Remove(filepath.Join(dataDir, r.PathValue("name"))) // want `handler for "DELETE /files/{name}" writes a local file with os.Remove`
}

func deleteDir(w http.ResponseWriter, r *http.Request) {
	os.RemoveAll(dataDir + "/" + r.FormValue("dir")) // want `handler for "DELETE /dirs" writes a local file with os.RemoveAll`
}

func touch(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(dataDir, r.FormValue("name"))
	now := time.Now()
	// One finding for the handler's changes under dataDir, at the first;
	// the others are its further sites (TestFurtherSites).
	os.Chtimes(p, now, now) // want `handler for "POST /touch" writes a local file with os.Chtimes`
	os.Chmod(p, 0o600)
	os.Truncate(p, 0)
	os.Symlink(p, filepath.Join(dataDir, "latest"))
	os.Link(p, p+".bak")
}

func main() {
	http.HandleFunc("DELETE /files/{name}", deleteFile)
	http.HandleFunc("DELETE /dirs", deleteDir)
	http.HandleFunc("POST /touch", touch)
	http.ListenAndServe(":8080", nil)
}
