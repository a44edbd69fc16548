// Package memlocker keeps upload locks in this process's memory.
package memlocker

import (
	"sync"

	"wiring/files/handler"
)

// MemoryLocker holds the locks.
type MemoryLocker struct {
	mu    sync.Mutex
	locks map[string]bool
}

// New returns an empty locker.
func New() *MemoryLocker { return &MemoryLocker{locks: map[string]bool{}} }

// UseIn puts the locker in a composer.
func (l *MemoryLocker) UseIn(c *handler.StoreComposer) { c.UseLocker(l) }

// Lock takes the lock of an upload.
func (l *MemoryLocker) Lock(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.locks[id] {
		return false
	}
	l.locks[id] = true
	return true
}
