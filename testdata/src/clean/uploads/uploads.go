// Package uploads is the clean twin of seeds/uploads: uploads go to S3; a
// scratch temp file used within the request is removed before it ends; the
// directory is created at startup.
package uploads

import (
	"io"
	"net/http"
	"os"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	s3c    *s3.Client
	bucket = "uploads"
)

func upload(w http.ResponseWriter, r *http.Request) {
	f, _, err := r.FormFile("file")
	if err != nil {
		return
	}
	defer f.Close()
	key := r.FormValue("name")
	s3c.PutObject(r.Context(), &s3.PutObjectInput{Bucket: &bucket, Key: &key, Body: f})
}

func convert(w http.ResponseWriter, r *http.Request) {
	tmp, err := os.CreateTemp("", "convert-*")
	if err != nil {
		return
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	io.Copy(tmp, r.Body)
	w.Write([]byte(tmp.Name()))
}

func static(w http.ResponseWriter, r *http.Request) {
	http.ServeFile(w, r, "/srv/static/index.html")
}

func main() {
	os.MkdirAll("/tmp/work", 0o755)
	os.WriteFile("/tmp/work/pid", []byte("1"), 0o644)
	http.HandleFunc("POST /upload", upload)
	http.HandleFunc("POST /convert", convert)
	http.HandleFunc("GET /", static)
	http.ListenAndServe(":8080", nil)
}
