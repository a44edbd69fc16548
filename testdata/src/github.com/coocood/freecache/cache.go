// Package freecache is a stub of github.com/coocood/freecache@v1.2.7 for statelint's tests: only the signatures the tests use.
package freecache

type Cache struct {
	size int
}

func NewCache(size int) (cache *Cache) { return &Cache{size: size} }

func (cache *Cache) Set(key, value []byte, expireSeconds int) (err error) { return nil }
func (cache *Cache) Get(key []byte) (value []byte, err error)             { return nil, nil }
func (cache *Cache) Del(key []byte) (affected bool)                       { return false }
