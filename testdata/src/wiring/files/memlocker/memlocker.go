// Package memlocker keeps upload locks in this process's memory.
package memlocker

import (
	"errors"
	"sync"

	"wiring/files/handler"
)

// MemoryLocker holds the locks.
type MemoryLocker struct {
	mu    sync.Mutex
	locks map[string]lockEntry
}

// lockEntry is a held lock: closed when released.
type lockEntry struct {
	released chan struct{}
}

// New returns an empty locker.
func New() *MemoryLocker { return &MemoryLocker{locks: map[string]lockEntry{}} }

// UseIn puts the locker in a composer.
func (l *MemoryLocker) UseIn(c *handler.StoreComposer) { c.UseLocker(l) }

// NewLock returns the lock of an upload.
func (l *MemoryLocker) NewLock(id string) (handler.Lock, error) {
	return &memoryLock{locker: l, id: id}, nil
}

type memoryLock struct {
	locker *MemoryLocker
	id     string
}

// Lock takes the lock.
func (l *memoryLock) Lock() error {
	l.locker.mu.Lock()
	defer l.locker.mu.Unlock()
	if _, held := l.locker.locks[l.id]; held {
		return errLocked
	}
	l.locker.locks[l.id] = lockEntry{released: make(chan struct{})}
	return nil
}

var errLocked = errors.New("locked")
