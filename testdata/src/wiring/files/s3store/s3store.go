// Package s3store keeps uploads in object storage: shared by every
// replica, the clean twin of filestore.
package s3store

import (
	"net/http"
	"os"
	"strings"

	"wiring/files/handler"
)

// S3Store uploads through an HTTP client.
type S3Store struct {
	Bucket string
	client *http.Client
}

// New returns a store for bucket.
func New(bucket string) *S3Store { return &S3Store{Bucket: bucket, client: http.DefaultClient} }

// UseIn puts the store in a composer.
func (s *S3Store) UseIn(c *handler.StoreComposer) {
	c.UseCore(s)
	c.UseTerminater(s)
}

// Terminate deletes the upload's object.
func (s *S3Store) Terminate(id string) error {
	req, err := http.NewRequest(http.MethodDelete, "https://"+s.Bucket+".s3.amazonaws.com/"+id, nil)
	if err != nil {
		return err
	}
	_, err = s.client.Do(req)
	return err
}

// NewUpload creates the upload's object.
func (s *S3Store) NewUpload(id string) error {
	_, err := s.client.Post("https://"+s.Bucket+".s3.amazonaws.com/"+id, "application/octet-stream", strings.NewReader(""))
	return err
}

// GetUpload returns an upload's handle, made for this request.
func (s *S3Store) GetUpload(id string) (handler.Upload, error) {
	return &s3Upload{store: s, id: id}, nil
}

// s3Upload is the clean twin of a chained call: what WriteChunk writes
// is the per-request handle's own fields, and the object in S3.
type s3Upload struct {
	store  *S3Store
	id     string
	offset int
	parts  map[int]int
}

// WriteChunk uploads a part, buffered in a temporary file that the
// upload removes once sent.
func (u *s3Upload) WriteChunk(chunk []byte) error {
	tmp, err := os.CreateTemp("", "part-")
	if err != nil {
		return err
	}
	defer u.cleanUp(tmp)
	u.offset += len(chunk)
	u.parts[len(u.parts)] = len(chunk)
	_, err = u.store.client.Post("https://"+u.store.Bucket+".s3.amazonaws.com/"+u.id, "application/octet-stream", strings.NewReader(string(chunk)))
	return err
}

func (u *s3Upload) cleanUp(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}
