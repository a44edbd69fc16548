// Package filestore keeps uploads as files on local disk.
package filestore

import (
	"os"
	"path/filepath"

	"wiring/files/handler"
)

// FileStore writes uploads under Path.
type FileStore struct {
	Path string
	Perm os.FileMode
}

// New returns a store under path.
func New(path string) FileStore { return FileStore{Path: path} }

// UseIn puts the store in a composer.
func (store FileStore) UseIn(c *handler.StoreComposer) { c.UseCore(store) }

// NewUpload creates the upload's file.
func (store FileStore) NewUpload(id string) error {
	return os.WriteFile(filepath.Join(store.Path, id+".bin"), nil, store.Perm)
}
