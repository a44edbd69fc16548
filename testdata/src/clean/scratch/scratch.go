// Package scratch is the clean twin of fswrite/removes: the same calls
// on paths each request makes and removes itself (a temp directory, a
// fixed scratch path written and deleted in one handler), and at startup.
// Nothing outlives the request, so nothing depends on the replica.
package scratch

import (
	"net/http"
	"os"
	"path/filepath"
	"time"
)

var workDir = "/var/lib/app/work"

// convert renders into a temp directory it removes before returning.
func convert(w http.ResponseWriter, r *http.Request) {
	dir, err := os.MkdirTemp("", "convert-*")
	if err != nil {
		return
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	os.WriteFile(in, []byte(r.FormValue("doc")), 0o600)
	os.Chmod(in, 0o400)
	w.Write([]byte(in))
}

// render writes a scratch file under a fixed name and deletes it in the
// same request.
func render(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(os.TempDir(), "render-"+r.FormValue("id")+".png")
	os.WriteFile(p, []byte(r.FormValue("svg")), 0o600)
	defer os.Remove(p)
	http.ServeFile(w, r, p)
}

// upload buffers the body in a temp file it removes by name.
func upload(w http.ResponseWriter, r *http.Request) {
	f, err := os.CreateTemp("", "upload-*")
	if err != nil {
		return
	}
	defer os.Remove(f.Name())
	defer f.Close()
	f.ReadFrom(r.Body)
}

func main() {
	os.RemoveAll(workDir)
	os.MkdirAll(workDir, 0o755)
	os.Chmod(workDir, 0o700)
	now := time.Now()
	os.Chtimes(workDir, now, now)
	os.Remove("/tmp/app.sock")
	http.HandleFunc("POST /convert", convert)
	http.HandleFunc("POST /render", render)
	http.HandleFunc("POST /upload", upload)
	http.ListenAndServe(":8080", nil)
}
