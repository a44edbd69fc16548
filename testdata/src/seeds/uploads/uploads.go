// Package uploads is seed 002's file-system state (uploads stored in
// /tmp/uploads, then downloaded by another handler) and seed 000's file
// server.
package uploads

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
)

const uploadDir = "/tmp/uploads"

func upload(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer f.Close()
	dst, err := os.Create(filepath.Join(uploadDir, r.FormValue("name"))) // want `handler for "POST /upload" writes a local file with os.Create: a file saved on one replica cannot be read on the others.*write files to object storage such as S3 or GCS`
	if err != nil {
		return
	}
	defer dst.Close()
	io.Copy(dst, f)
}

func uploadBytes(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	os.WriteFile(filepath.Join(uploadDir, "raw.bin"), b, 0o644) // want `handler for "PUT /raw" writes a local file with os.WriteFile`
}

func appendLog(w http.ResponseWriter, r *http.Request) {
	f, _ := os.OpenFile("/var/data/audit.log", os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644) // want `handler for "POST /audit" writes a local file with os.OpenFile`
	defer f.Close()
	f.WriteString(r.FormValue("event"))
}

func download(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, filepath.Join(uploadDir, r.PathValue("file"))) // want `handler for "GET /download/{file}" reads files in /tmp/uploads that handler for "POST /upload" keeps on local disk`
}

func main() {
	os.MkdirAll(uploadDir, 0o755)
	http.HandleFunc("POST /upload", upload)
	http.HandleFunc("PUT /raw", uploadBytes)
	http.HandleFunc("POST /audit", appendLog)
	http.HandleFunc("GET /download/{file}", download)
	http.ListenAndServe(":8080", nil)
}
