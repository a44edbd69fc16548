// Package avatar is a stub of github.com/go-pkgz/auth/avatar: the stores
// in which go-pkgz/auth's avatar proxy saves each user's avatar at login.
package avatar

import "io"

// Store keeps avatars.
type Store interface {
	Put(userID string, reader io.Reader) (avatarID string, err error)
}

// LocalFS keeps avatars in a directory.
type LocalFS struct{ storePath string }

// NewLocalFS makes a store of avatars in storePath.
func NewLocalFS(storePath string) *LocalFS { return &LocalFS{storePath: storePath} }

// Put saves an avatar.
func (fs *LocalFS) Put(userID string, reader io.Reader) (string, error) { return userID, nil }

// BoltDB keeps avatars in a bolt file.
type BoltDB struct{ fileName string }

// NewBoltDB makes a store of avatars in the bolt file fileName.
func NewBoltDB(fileName string, options struct{}) (*BoltDB, error) {
	return &BoltDB{fileName: fileName}, nil
}

// Put saves an avatar.
func (b *BoltDB) Put(userID string, reader io.Reader) (string, error) { return userID, nil }

// NewStore makes the store a URI names (mongodb://, bolt://, a path).
func NewStore(uri string) (Store, error) { return NewLocalFS(uri), nil }
