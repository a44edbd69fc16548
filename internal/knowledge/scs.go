package knowledge

// scs: alexedwards/scs's session manager keeps sessions in memory
// (memstore.New()) unless the program sets its Store field.
var scs = Framework{
	Name: "scs",
	Stores: []SessionStore{
		{Func: "github.com/alexedwards/scs/v2.New", Kind: SessionInMemory, SetField: "Store"},
		{Func: "github.com/alexedwards/scs/v2.NewSession", Kind: SessionInMemory, SetField: "Store"},
		{Func: "github.com/alexedwards/scs/v2/memstore.New", Kind: SessionInMemory},
		{Func: "github.com/alexedwards/scs/v2/memstore.NewWithCleanupInterval", Kind: SessionInMemory},
		{Func: "github.com/alexedwards/scs/sqlite3store.New", Kind: SessionLocalDB},
		{Func: "github.com/alexedwards/scs/sqlite3store.NewWithCleanupInterval", Kind: SessionLocalDB},
		{Func: "github.com/alexedwards/scs/gormstore.New", Kind: SessionExternal}, // a local file when its *gorm.DB is SQLite
		{Func: "github.com/alexedwards/scs/postgresstore.New", Kind: SessionExternal},
	},
}
