// Package badger is a stub of github.com/dgraph-io/badger/v4@v4.9.6 for statelint's tests: only the signatures the tests use.
package badger

type Options struct {
	Dir      string
	ValueDir string
	InMemory bool
}

func DefaultOptions(path string) Options { return Options{Dir: path, ValueDir: path} }

func (opt Options) WithInMemory(b bool) Options {
	opt.InMemory = b
	return opt
}

type DB struct {
	opt Options
}

func Open(opt Options) (*DB, error) { return &DB{opt: opt}, nil }

func (db *DB) Close() error                         { return nil }
func (db *DB) Update(fn func(txn *Txn) error) error { return fn(&Txn{}) }
func (db *DB) View(fn func(txn *Txn) error) error   { return fn(&Txn{}) }

type Item struct {
	key []byte
}

type Txn struct{}

func (txn *Txn) Set(key, val []byte) error               { return nil }
func (txn *Txn) Get(key []byte) (item *Item, rerr error) { return &Item{key: key}, nil }
