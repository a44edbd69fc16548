package knowledge

import "slices"

// Functions and methods are named by their package path and name, with the
// receiver's type name (no pointer, no type arguments) between them for
// methods: "os.WriteFile", "sync.Map.Store",
// "github.com/hashicorp/golang-lru/v2.Cache.Add". Interface methods use the
// interface type's name the same way.

// Op is what a modelled call does to the state or file it touches.
type Op string

const (
	OpWrite    Op = "write"    // mutates the state at Arg
	OpRead     Op = "read"     // reads the state at Arg
	OpFile     Op = "file"     // writes the local filesystem; Arg is the path (or -1)
	OpFileRead Op = "fileread" // reads the local filesystem; Arg is the path
	OpLocalDB  Op = "localdb"  // opens or writes a local embedded database
	OpTempFile Op = "tempfile" // creates a scratch file or directory; a finding unless the same function removes a file
	OpCopy     Op = "copy"     // io.Copy-like: a file write when the destination at Arg is an *os.File
	OpOpenFile Op = "openfile" // os.OpenFile: a file write when the flag at Arg has a write bit
	OpSQLOpen  Op = "sqlopen"  // database/sql.Open: a local database when the driver at Arg is embedded
	OpSQLWrite Op = "sqlwrite" // a write through the *sql.DB at Arg: a local database when it was opened with an embedded driver
	OpOnce     Op = "once"     // runs its function argument at most once: lazy initialisation, not a request-path write
	OpRemove   Op = "remove"   // removes the file at Arg: a file write, unless it removes what the same function made
)

// A CallEffect models a call the engine does not (or cannot) analyse.
// Arg indexes the call's arguments with the receiver first for methods.
type CallEffect struct {
	Func string
	Op   Op
	Arg  int
	Hint Hint // classification evidence, e.g. "increment", "cache", "queue"
}

// CallEffects is the table of modelled calls of the standard library and
// of libraries that are not frameworks; each Framework adds its own.
var CallEffects = []CallEffect{
	// sync.Map
	{"sync.Map.Store", OpWrite, 0, ""},
	{"sync.Map.LoadOrStore", OpWrite, 0, "getorload"},
	{"sync.Map.LoadAndDelete", OpWrite, 0, ""},
	{"sync.Map.Delete", OpWrite, 0, ""},
	{"sync.Map.Swap", OpWrite, 0, ""},
	{"sync.Map.CompareAndSwap", OpWrite, 0, ""},
	{"sync.Map.CompareAndDelete", OpWrite, 0, ""},
	{"sync.Map.Clear", OpWrite, 0, ""},
	{"sync.Map.Load", OpRead, 0, "lookup"},
	{"sync.Map.Range", OpRead, 0, ""},

	// container/list and container/heap
	{"container/list.List.PushBack", OpWrite, 0, "append"},
	{"container/list.List.PushFront", OpWrite, 0, "append"},
	{"container/list.List.PushBackList", OpWrite, 0, "append"},
	{"container/list.List.PushFrontList", OpWrite, 0, "append"},
	{"container/list.List.InsertBefore", OpWrite, 0, "append"},
	{"container/list.List.InsertAfter", OpWrite, 0, "append"},
	{"container/list.List.Remove", OpWrite, 0, ""},
	{"container/list.List.MoveToFront", OpWrite, 0, ""},
	{"container/list.List.MoveToBack", OpWrite, 0, ""},
	{"container/list.List.Init", OpWrite, 0, ""},
	{"container/list.List.Front", OpRead, 0, ""},
	{"container/list.List.Back", OpRead, 0, ""},
	{"container/list.List.Len", OpRead, 0, ""},
	{"container/heap.Push", OpWrite, 0, "append"},
	{"container/heap.Pop", OpWrite, 0, ""},
	{"container/heap.Remove", OpWrite, 0, ""},
	{"container/heap.Fix", OpWrite, 0, ""},

	// sync/atomic functions and types
	{"sync/atomic.AddInt32", OpWrite, 0, "increment"},
	{"sync/atomic.AddInt64", OpWrite, 0, "increment"},
	{"sync/atomic.AddUint32", OpWrite, 0, "increment"},
	{"sync/atomic.AddUint64", OpWrite, 0, "increment"},
	{"sync/atomic.AddUintptr", OpWrite, 0, "increment"},
	{"sync/atomic.StoreInt32", OpWrite, 0, ""},
	{"sync/atomic.StoreInt64", OpWrite, 0, ""},
	{"sync/atomic.StoreUint32", OpWrite, 0, ""},
	{"sync/atomic.StoreUint64", OpWrite, 0, ""},
	{"sync/atomic.StoreUintptr", OpWrite, 0, ""},
	{"sync/atomic.StorePointer", OpWrite, 0, ""},
	{"sync/atomic.SwapInt32", OpWrite, 0, ""},
	{"sync/atomic.SwapInt64", OpWrite, 0, ""},
	{"sync/atomic.SwapUint32", OpWrite, 0, ""},
	{"sync/atomic.SwapUint64", OpWrite, 0, ""},
	{"sync/atomic.CompareAndSwapInt32", OpWrite, 0, ""},
	{"sync/atomic.CompareAndSwapInt64", OpWrite, 0, ""},
	{"sync/atomic.CompareAndSwapUint32", OpWrite, 0, ""},
	{"sync/atomic.CompareAndSwapUint64", OpWrite, 0, ""},
	{"sync/atomic.LoadInt32", OpRead, 0, ""},
	{"sync/atomic.LoadInt64", OpRead, 0, ""},
	{"sync/atomic.LoadUint32", OpRead, 0, ""},
	{"sync/atomic.LoadUint64", OpRead, 0, ""},
	{"sync/atomic.Int32.Add", OpWrite, 0, "increment"},
	{"sync/atomic.Int64.Add", OpWrite, 0, "increment"},
	{"sync/atomic.Uint32.Add", OpWrite, 0, "increment"},
	{"sync/atomic.Uint64.Add", OpWrite, 0, "increment"},
	{"sync/atomic.Uintptr.Add", OpWrite, 0, "increment"},
	{"sync/atomic.Int32.Store", OpWrite, 0, ""},
	{"sync/atomic.Int64.Store", OpWrite, 0, ""},
	{"sync/atomic.Uint32.Store", OpWrite, 0, ""},
	{"sync/atomic.Uint64.Store", OpWrite, 0, ""},
	{"sync/atomic.Bool.Store", OpWrite, 0, ""},
	{"sync/atomic.Value.Store", OpWrite, 0, ""},
	{"sync/atomic.Pointer.Store", OpWrite, 0, ""},
	{"sync/atomic.Int32.Swap", OpWrite, 0, ""},
	{"sync/atomic.Int64.Swap", OpWrite, 0, ""},
	{"sync/atomic.Uint32.Swap", OpWrite, 0, ""},
	{"sync/atomic.Uint64.Swap", OpWrite, 0, ""},
	{"sync/atomic.Bool.Swap", OpWrite, 0, ""},
	{"sync/atomic.Value.Swap", OpWrite, 0, ""},
	{"sync/atomic.Pointer.Swap", OpWrite, 0, ""},
	{"sync/atomic.Int32.CompareAndSwap", OpWrite, 0, ""},
	{"sync/atomic.Int64.CompareAndSwap", OpWrite, 0, ""},
	{"sync/atomic.Uint32.CompareAndSwap", OpWrite, 0, ""},
	{"sync/atomic.Uint64.CompareAndSwap", OpWrite, 0, ""},
	{"sync/atomic.Bool.CompareAndSwap", OpWrite, 0, ""},
	{"sync/atomic.Value.CompareAndSwap", OpWrite, 0, ""},
	{"sync/atomic.Pointer.CompareAndSwap", OpWrite, 0, ""},
	{"sync/atomic.Int32.Load", OpRead, 0, ""},
	{"sync/atomic.Int64.Load", OpRead, 0, ""},
	{"sync/atomic.Uint32.Load", OpRead, 0, ""},
	{"sync/atomic.Uint64.Load", OpRead, 0, ""},
	{"sync/atomic.Bool.Load", OpRead, 0, ""},
	{"sync/atomic.Value.Load", OpRead, 0, ""},
	{"sync/atomic.Pointer.Load", OpRead, 0, ""},

	// Lazy initialisation: the function argument runs once per process.
	{"sync.Once.Do", OpOnce, 1, ""},
	{"sync.OnceFunc", OpOnce, 0, ""},
	{"sync.OnceValue", OpOnce, 0, ""},
	{"sync.OnceValues", OpOnce, 0, ""},

	// Cache libraries.
	{"github.com/hashicorp/golang-lru/v2.Cache.Add", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2.Cache.ContainsOrAdd", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2.Cache.PeekOrAdd", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2.Cache.Remove", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2.Cache.Purge", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2.Cache.Get", OpRead, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2.Cache.Peek", OpRead, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2/expirable.LRU.Add", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2/expirable.LRU.Remove", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru/v2/expirable.LRU.Get", OpRead, 0, "cache"},
	{"github.com/hashicorp/golang-lru.Cache.Add", OpWrite, 0, "cache"},
	{"github.com/hashicorp/golang-lru.Cache.Get", OpRead, 0, "cache"},
	{"github.com/patrickmn/go-cache.cache.Set", OpWrite, 0, "cache"},
	{"github.com/patrickmn/go-cache.cache.SetDefault", OpWrite, 0, "cache"},
	{"github.com/patrickmn/go-cache.cache.Add", OpWrite, 0, "cache"},
	{"github.com/patrickmn/go-cache.cache.Replace", OpWrite, 0, "cache"},
	{"github.com/patrickmn/go-cache.cache.Delete", OpWrite, 0, "cache"},
	{"github.com/patrickmn/go-cache.cache.Increment", OpWrite, 0, "increment"},
	{"github.com/patrickmn/go-cache.cache.Flush", OpWrite, 0, "cache"},
	{"github.com/patrickmn/go-cache.cache.Get", OpRead, 0, "cache"},
	{"github.com/dgraph-io/ristretto/v2.Cache.Set", OpWrite, 0, "cache"},
	{"github.com/dgraph-io/ristretto/v2.Cache.SetWithTTL", OpWrite, 0, "cache"},
	{"github.com/dgraph-io/ristretto/v2.Cache.Del", OpWrite, 0, "cache"},
	{"github.com/dgraph-io/ristretto/v2.Cache.Clear", OpWrite, 0, "cache"},
	{"github.com/dgraph-io/ristretto/v2.Cache.Get", OpRead, 0, "cache"},
	{"github.com/dgraph-io/ristretto.Cache.Set", OpWrite, 0, "cache"},
	{"github.com/dgraph-io/ristretto.Cache.SetWithTTL", OpWrite, 0, "cache"},
	{"github.com/dgraph-io/ristretto.Cache.Get", OpRead, 0, "cache"},
	{"github.com/allegro/bigcache/v3.BigCache.Set", OpWrite, 0, "cache"},
	{"github.com/allegro/bigcache/v3.BigCache.Append", OpWrite, 0, "cache"},
	{"github.com/allegro/bigcache/v3.BigCache.Delete", OpWrite, 0, "cache"},
	{"github.com/allegro/bigcache/v3.BigCache.Reset", OpWrite, 0, "cache"},
	{"github.com/allegro/bigcache/v3.BigCache.Get", OpRead, 0, "cache"},
	{"github.com/coocood/freecache.Cache.Set", OpWrite, 0, "cache"},
	{"github.com/coocood/freecache.Cache.SetAndGet", OpWrite, 0, "cache"},
	{"github.com/coocood/freecache.Cache.Del", OpWrite, 0, "cache"},
	{"github.com/coocood/freecache.Cache.Clear", OpWrite, 0, "cache"},
	{"github.com/coocood/freecache.Cache.Touch", OpWrite, 0, "cache"},
	{"github.com/coocood/freecache.Cache.Get", OpRead, 0, "cache"},
	{"github.com/jellydator/ttlcache/v3.Cache.Set", OpWrite, 0, "cache"},
	{"github.com/jellydator/ttlcache/v3.Cache.GetOrSet", OpWrite, 0, "cache"},
	{"github.com/jellydator/ttlcache/v3.Cache.Delete", OpWrite, 0, "cache"},
	{"github.com/jellydator/ttlcache/v3.Cache.DeleteAll", OpWrite, 0, "cache"},
	{"github.com/jellydator/ttlcache/v3.Cache.Get", OpRead, 0, "cache"},

	// Writes through a file handle: a finding when the handle outlives the
	// request (a file opened at startup and appended to on every request).
	{"os.File.Write", OpWrite, 0, HintFile},
	{"os.File.WriteString", OpWrite, 0, HintFile},
	{"os.File.WriteAt", OpWrite, 0, HintFile},
	{"os.File.ReadFrom", OpWrite, 0, HintFile},
	{"os.File.Truncate", OpWrite, 0, HintFile},

	// Local filesystem writes.
	{"os.Create", OpFile, 0, ""},
	{"os.WriteFile", OpFile, 0, ""},
	{"os.Mkdir", OpFile, 0, ""},
	{"os.MkdirAll", OpFile, 0, ""},
	{"os.Rename", OpFile, 1, ""},
	{"os.Truncate", OpFile, 0, ""},
	{"os.Symlink", OpFile, 1, ""},
	{"os.Link", OpFile, 1, ""},
	{"os.Chmod", OpFile, 0, ""},
	{"os.Chown", OpFile, 0, ""},
	{"os.Lchown", OpFile, 0, ""},
	{"os.Chtimes", OpFile, 0, ""},
	{"io/ioutil.WriteFile", OpFile, 0, ""},
	{"os.OpenFile", OpOpenFile, 1, ""},
	{"os.CreateTemp", OpTempFile, 0, ""},
	{"os.MkdirTemp", OpTempFile, 0, ""},
	{"io/ioutil.TempFile", OpTempFile, 0, ""},
	{"io/ioutil.TempDir", OpTempFile, 0, ""},
	{"os.Remove", OpRemove, 0, ""},
	{"os.RemoveAll", OpRemove, 0, ""},
	{"io.Copy", OpCopy, 0, ""},
	{"io.CopyN", OpCopy, 0, ""},
	{"io.CopyBuffer", OpCopy, 0, ""},

	// Local filesystem reads, for upload-then-download ordering.
	{"os.Open", OpFileRead, 0, ""},
	{"os.ReadFile", OpFileRead, 0, ""},
	{"os.Stat", OpFileRead, 0, ""},
	{"os.ReadDir", OpFileRead, 0, ""},

	// Local embedded databases: opening one, and writing through its handle.
	{"go.etcd.io/bbolt.Open", OpLocalDB, 0, ""},
	{"github.com/boltdb/bolt.Open", OpLocalDB, 0, ""},
	{"github.com/dgraph-io/badger/v4.Open", OpLocalDB, -1, ""},
	{"github.com/dgraph-io/badger/v3.Open", OpLocalDB, -1, ""},
	{"github.com/dgraph-io/badger/v2.Open", OpLocalDB, -1, ""},
	{"github.com/syndtr/goleveldb/leveldb.OpenFile", OpLocalDB, 0, ""},
	{"github.com/cockroachdb/pebble.Open", OpLocalDB, 0, ""},
	{"database/sql.Open", OpSQLOpen, 0, ""},
	{"github.com/jmoiron/sqlx.Open", OpSQLOpen, 0, ""},
	{"github.com/jmoiron/sqlx.Connect", OpSQLOpen, 0, ""},
	{"github.com/jinzhu/gorm.Open", OpSQLOpen, 0, ""},
	{"xorm.io/xorm.NewEngine", OpSQLOpen, 0, ""},
	{"database/sql.DB.Exec", OpSQLWrite, 0, ""},
	{"database/sql.DB.ExecContext", OpSQLWrite, 0, ""},
	{"database/sql.DB.Begin", OpSQLWrite, 0, ""},
	{"database/sql.DB.BeginTx", OpSQLWrite, 0, ""},
	{"go.etcd.io/bbolt.DB.Update", OpLocalDB, -1, ""},
	{"go.etcd.io/bbolt.DB.Batch", OpLocalDB, -1, ""},
	{"github.com/boltdb/bolt.DB.Update", OpLocalDB, -1, ""},
	{"github.com/dgraph-io/badger/v4.DB.Update", OpLocalDB, -1, ""},
	{"github.com/dgraph-io/badger/v3.DB.Update", OpLocalDB, -1, ""},
	{"github.com/syndtr/goleveldb/leveldb.DB.Put", OpLocalDB, -1, ""},
	{"github.com/syndtr/goleveldb/leveldb.DB.Delete", OpLocalDB, -1, ""},
	{"github.com/cockroachdb/pebble.DB.Set", OpLocalDB, -1, ""},
}

// RemovingCalls are the builtins and the call names (the method or
// function, as a site's "what" ends) that take data out of state rather
// than put it in: of two handlers writing one table, the finding names
// the one that inserts, not the one that deletes.
var RemovingCalls = []string{
	"delete", "clear", "Delete", "LoadAndDelete", "CompareAndDelete", "Clear",
	"Remove", "RemoveAll", "Del", "Evict", "Purge", "Truncate",
}

// EmbeddedSQLDrivers are database/sql driver names whose data lives in a
// local file.
var EmbeddedSQLDrivers = []string{"sqlite3", "sqlite", "sqlite3_extended", "duckdb"}

// IsEmbeddedSQLDriver reports whether a database/sql driver name is one
// of EmbeddedSQLDrivers.
func IsEmbeddedSQLDriver(name string) bool { return slices.Contains(EmbeddedSQLDrivers, name) }

// EmbeddedDialectors open an embedded database for an ORM: gorm.Open of
// what they return is a handle on a file on this machine.
var EmbeddedDialectors = []string{
	"gorm.io/driver/sqlite.Open",
	"github.com/glebarez/sqlite.Open",
	"github.com/ncruces/go-sqlite3/gormlite.Open",
}

// DSNMemory are the marks of a data source name that keeps an embedded
// database in this process's memory, not in a file ("file::memory:",
// "file:x?mode=memory&cache=shared").
var DSNMemory = []string{":memory:", "mode=memory"}

// DefaultTags are the struct tags by which configuration libraries give
// a field its default value (configor, kong and go-arg's "default",
// cleanenv's "env-default", caarlos0/env's "envDefault").
var DefaultTags = []string{"default", "env-default", "envDefault"}

// ORMOpens open an ORM handle on the dialector at argument 0.
var ORMOpens = []string{"gorm.io/gorm.Open"}

// ExitFuncs end the process. Whatever a block that calls one writes before
// it (exit hooks, a last log line) is gone with the process, so it is not
// state that a later request could see.
var ExitFuncs = []string{
	"os.Exit", "syscall.Exit",
	"log.Fatal", "log.Fatalf", "log.Fatalln",
	"log.Logger.Fatal", "log.Logger.Fatalf", "log.Logger.Fatalln",
}

// PromptFuncs read an answer from an operator at a terminal, as does any
// use of os.Stdin. A server replica has no operator: what a function
// records after asking (rclone's "skip all deletes from now on") is the
// state of an interactive command, not of a request path.
var PromptFuncs = []string{
	"fmt.Scan", "fmt.Scanf", "fmt.Scanln",
	"golang.org/x/term.ReadPassword",
	"github.com/peterh/liner.State.Prompt", "github.com/peterh/liner.State.PasswordPrompt",
	"github.com/manifoldco/promptui.Prompt.Run", "github.com/manifoldco/promptui.Select.Run",
	"github.com/AlecAivazian/survey/v2.Ask", "github.com/AlecAivazian/survey/v2.AskOne",
	"github.com/charmbracelet/huh.Form.Run",
}
