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
func (store FileStore) UseIn(c *handler.StoreComposer) {
	c.UseCore(store)
	c.UseTerminater(store)
}

// NewUpload creates the upload's file.
func (store FileStore) NewUpload(id string) error {
	return os.WriteFile(filepath.Join(store.Path, id+".bin"), nil, store.Perm)
}

// Terminate removes the upload's file.
func (store FileStore) Terminate(id string) error {
	return os.Remove(filepath.Join(store.Path, id+".bin"))
}

// GetUpload returns an upload's handle.
func (store FileStore) GetUpload(id string) (handler.Upload, error) {
	return &fileUpload{path: filepath.Join(store.Path, id+".bin")}, nil
}

type fileUpload struct {
	path   string
	offset int
}

// WriteChunk appends to the upload's file.
func (u *fileUpload) WriteChunk(chunk []byte) error {
	f, err := os.OpenFile(u.path, os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	u.offset += len(chunk)
	_, err = f.Write(chunk)
	return err
}
