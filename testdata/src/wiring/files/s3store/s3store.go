// Package s3store keeps uploads in object storage: shared by every
// replica, the clean twin of filestore.
package s3store

import (
	"net/http"
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
func (s *S3Store) UseIn(c *handler.StoreComposer) { c.UseCore(s) }

// NewUpload creates the upload's object.
func (s *S3Store) NewUpload(id string) error {
	_, err := s.client.Post("https://"+s.Bucket+".s3.amazonaws.com/"+id, "application/octet-stream", strings.NewReader(""))
	return err
}
