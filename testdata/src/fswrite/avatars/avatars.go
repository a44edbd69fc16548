// Package avatars chooses where the login library keeps the avatars it
// saves at every login: in a directory or a bolt file of this machine,
// reported where the server is given it, or in a store the URI names,
// which the program cannot judge.
package avatars

import (
	"github.com/go-pkgz/auth/avatar"
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
		store, _ := avatar.NewBoltDB(path, struct{}{}) // want `store avatar.NewBoltDB keeps files in a local embedded database, written by every request it serves: each replica writes its own database file`
		return newService(options{AvatarStore: store})
	}
	store, _ := avatar.NewStore(uri)
	return newService(options{AvatarStore: store})
}
