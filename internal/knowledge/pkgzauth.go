package knowledge

// goPkgzAuth is go-pkgz/auth, the login library of umputun's services:
// the avatar proxy it serves saves each user's avatar, at login, in the
// store the program chooses. A local directory or a bolt file keeps the
// avatars on this machine; GridFS and a store by URI are elsewhere.
var goPkgzAuth = Framework{
	Name: "go-pkgz/auth",
	Stores: []SessionStore{
		{"github.com/go-pkgz/auth/avatar.NewLocalFS", SessionLocalFS, "", File, nil, ""},
		{"github.com/go-pkgz/auth/avatar.NewBoltDB", SessionLocalDB, "", File, nil, ""},
	},
}
