// Package mem keeps messages in this process.
package mem

import (
	"sync"

	"wiring/registry/storage"
)

type box struct {
	msgs []string
}

type store struct {
	mu    sync.Mutex
	boxes map[string]*box
}

// New makes an empty in-memory store.
func New(string) (storage.Store, error) {
	return &store{boxes: map[string]*box{}}, nil
}

// with gets or creates a mailbox and calls f with it.
func (s *store) with(name string, f func(b *box)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.boxes[name]
	if !ok {
		b = &box{}
		s.boxes[name] = b
	}
	f(b)
}

func (s *store) Add(mailbox, msg string) error {
	s.with(mailbox, func(b *box) { b.msgs = append(b.msgs, msg) })
	return nil
}

// List only reads: the empty mailbox it may create holds nothing.
func (s *store) List(mailbox string) ([]string, error) {
	var out []string
	s.with(mailbox, func(b *box) { out = append(out, b.msgs...) })
	return out, nil
}
