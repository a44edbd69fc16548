// Package xsync is a stub of github.com/puzpuzpuz/xsync/v3: a concurrent
// generic map. The methods have no bodies worth summarising, as a
// dependency's have none under go vet.
package xsync

type MapOf[K comparable, V any] struct {
	m map[K]V
}

func NewMapOf[K comparable, V any]() *MapOf[K, V] { return &MapOf[K, V]{} }

func (m *MapOf[K, V]) Load(key K) (value V, ok bool) { panic("stub") }

func (m *MapOf[K, V]) Store(key K, value V) { panic("stub") }

func (m *MapOf[K, V]) LoadOrStore(key K, value V) (actual V, loaded bool) { panic("stub") }

func (m *MapOf[K, V]) Delete(key K) { panic("stub") }

func (m *MapOf[K, V]) Size() int { panic("stub") }

// Counter is generic-free: not a map.
type Counter struct{ n int64 }

func (c *Counter) Add(d int64) { panic("stub") }

// Pool is a generic object pool: Put and Get take no key, so it is not a
// map (a stand-in for the generic pools of other modules).
type Pool[T any] struct{ items []T }

func (p *Pool[T]) Get() T { panic("stub") }

func (p *Pool[T]) Put(x T) { panic("stub") }
