// Package store wraps the avatar stores for the programs that choose one:
// its exported constructors make the choice theirs, so they are reported
// where they call it.
package store

import "github.com/go-pkgz/auth/avatar"

// Bolt keeps avatars in a bolt file.
func Bolt(path string) (avatar.Store, error) {
	s, err := avatar.NewBoltDB(path, struct{}{})
	return s, err
}
