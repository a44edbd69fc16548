// Package inmem keeps the cargos in process memory.
package inmem

import (
	"errors"
	"sync"

	"wiring/layered/cargo"
)

type cargoRepository struct {
	mtx    sync.RWMutex
	cargos map[string]*cargo.Cargo
}

// NewCargoRepository returns the in-memory repository as the interface.
func NewCargoRepository() cargo.Repository {
	return &cargoRepository{cargos: map[string]*cargo.Cargo{}}
}

func (r *cargoRepository) Store(c *cargo.Cargo) error {
	r.mtx.Lock()
	defer r.mtx.Unlock()
	r.cargos[c.ID] = c
	return nil
}

func (r *cargoRepository) Find(id string) (*cargo.Cargo, error) {
	r.mtx.RLock()
	defer r.mtx.RUnlock()
	if c, ok := r.cargos[id]; ok {
		return c, nil
	}
	return nil, errors.New("unknown cargo")
}
