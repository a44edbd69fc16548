// Package bbolt is a stub of go.etcd.io/bbolt@v1.5.0 for statelint's tests: only the signatures the tests use.
package bbolt

import (
	"os"
	"time"
)

type Options struct {
	Timeout time.Duration
}

type DB struct {
	path string
}

func Open(path string, mode os.FileMode, options *Options) (db *DB, err error) {
	return &DB{path: path}, nil
}

func (db *DB) Close() error                    { return nil }
func (db *DB) Update(fn func(*Tx) error) error { return fn(&Tx{}) }
func (db *DB) View(fn func(*Tx) error) error   { return fn(&Tx{}) }

type Tx struct{}

func (tx *Tx) Bucket(name []byte) *Bucket                           { return &Bucket{} }
func (tx *Tx) CreateBucketIfNotExists(name []byte) (*Bucket, error) { return &Bucket{}, nil }

type Bucket struct{}

func (b *Bucket) Get(key []byte) []byte                    { return nil }
func (b *Bucket) Put(key []byte, value []byte) (err error) { return nil }
