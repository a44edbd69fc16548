// Package avatars chooses where the login library keeps the avatars it
// saves at every login: in a directory or a bolt file of this machine,
// reported where the server is given it, or where the unexported helper
// that picks it by configuration makes it (this package chooses there),
// or where it calls an exported wrapper of another package; a store the
// URI names the program cannot judge.
package avatars

import (
	"fmt"

	"github.com/go-pkgz/auth/avatar"

	"fswrite/avatars/store"
)

type options struct{ AvatarStore avatar.Store }

type service struct{ opts options }

func newService(o options) *service { return &service{opts: o} }

// Setup makes the login service with the avatar store of the
// configuration.
func Setup(t, path, uri string) *service {
	switch t {
	case "fs":
		return newService(options{AvatarStore: avatar.NewLocalFS(path)}) // want `store avatar.NewLocalFS keeps files on this machine's disk, written by every request it serves: a file saved on one replica`
	case "bolt":
		s, _ := avatar.NewBoltDB(path, struct{}{}) // want `store avatar.NewBoltDB keeps files in a local embedded database, written by every request it serves: each replica writes its own database file`
		return newService(options{AvatarStore: s})
	case "wrapped":
		s, _ := store.Bolt(path) // want `store store.Bolt keeps files in a local embedded database`
		return newService(options{AvatarStore: s})
	}
	s, _ := avatar.NewStore(uri)
	return newService(options{AvatarStore: s})
}

func makeAvatarStore(t, path string) (avatar.Store, error) {
	switch t {
	case "fs":
		return avatar.NewLocalFS(path), nil // want `store avatar.NewLocalFS keeps files on this machine's disk`
	case "bolt":
		return avatar.NewBoltDB(path, struct{}{}) // want `store avatar.NewBoltDB keeps files in a local embedded database`
	}
	return nil, fmt.Errorf("unsupported avatar store type %s", t)
}

// FromConfig makes the login service with the store its helper picks.
func FromConfig(t, path string) *service {
	s, _ := makeAvatarStore(t, path)
	return newService(options{AvatarStore: s})
}
