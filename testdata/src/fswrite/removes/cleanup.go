package removes

import (
	"io"
	"net/http"
	"os"
)

// A part buffered in a temp file and handed on with the cleanup that
// removes it (tusd's S3 part producer): the request's scratch, silent.
type part struct {
	r     io.Reader
	close func() error
}

func bufferPart(src io.Reader) (part, error) {
	file, err := os.CreateTemp("", "part-")
	if err != nil {
		return part{}, err
	}
	if _, err := io.Copy(file, src); err != nil {
		return part{}, err
	}
	file.Seek(0, 0)
	return part{r: file, close: func() error {
		file.Close()
		return os.Remove(file.Name())
	}}, nil
}

func uploadPart(w http.ResponseWriter, r *http.Request) {
	p, err := bufferPart(r.Body)
	if err != nil {
		return
	}
	defer p.close()
	io.Copy(io.Discard, p.r)
}

// The same buffer with a cleanup that only closes it: the part stays on
// this replica's disk.
func keepPart(src io.Reader) (part, error) {
	file, err := os.CreateTemp("", "part-") // want `handler for "PUT /parts/kept" writes a local file with os.CreateTemp`
	if err != nil {
		return part{}, err
	}
	io.Copy(file, src)
	return part{r: file, close: func() error { return file.Close() }}, nil
}

func uploadKept(w http.ResponseWriter, r *http.Request) {
	p, _ := keepPart(r.Body)
	defer p.close()
}

func init() {
	http.HandleFunc("PUT /parts", uploadPart)
	http.HandleFunc("PUT /parts/kept", uploadKept)
}
