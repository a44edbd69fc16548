// Package storage is a stub of cloud.google.com/go/storage@v1.70.0 for statelint's tests: only the signatures the tests use.
package storage

import (
	"context"

	"google.golang.org/api/option"
)

type Client struct{}

func NewClient(ctx context.Context, opts ...option.ClientOption) (*Client, error) {
	return &Client{}, nil
}

func (c *Client) Bucket(name string) *BucketHandle { return &BucketHandle{name: name} }

type BucketHandle struct {
	name string
}

func (b *BucketHandle) Object(name string) *ObjectHandle {
	return &ObjectHandle{bucket: b.name, object: name}
}

type ObjectHandle struct {
	bucket, object string
}

func (o *ObjectHandle) NewWriter(ctx context.Context) *Writer { return &Writer{} }

type Writer struct {
	ContentType string
}

func (w *Writer) Write(p []byte) (int, error) { return len(p), nil }
func (w *Writer) Close() error                { return nil }
