// Package challenge issues challenges through a store it is handed, as
// captcha libraries do: a Challenge is made per request around a store
// that lives as long as the process.
package challenge

import "sync"

// Store keeps the answer of each challenge.
type Store interface {
	Set(id, answer string)
	Verify(id, answer string) bool
}

type memoryStore struct {
	mu      sync.Mutex
	answers map[string]string
}

func (s *memoryStore) Set(id, answer string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[id] = answer
}

// Verify takes the answer out and drops it: a lookup and a delete, which
// fills nothing on a miss (no cache).
func (s *memoryStore) Verify(id, answer string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	want, ok := s.answers[id]
	if ok {
		delete(s.answers, id)
	}
	return ok && want == answer
}

// NewMemoryStore keeps answers in this process.
func NewMemoryStore() Store { return &memoryStore{answers: map[string]string{}} }

// DefaultStore is the process-wide memory store.
var DefaultStore = NewMemoryStore()

// Challenge issues one challenge.
type Challenge struct {
	Store Store
}

// New makes a challenge that keeps its answer in store.
func New(store Store) *Challenge { return &Challenge{Store: store} }

// Issue stores the answer under id.
func (c *Challenge) Issue(id, answer string) { c.Store.Set(id, answer) }
