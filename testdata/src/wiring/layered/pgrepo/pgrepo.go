// Package pgrepo keeps the cargos in Postgres: the clean twin.
package pgrepo

import (
	"database/sql"

	"wiring/layered/cargo"
)

type cargoRepository struct {
	db *sql.DB
}

func NewCargoRepository(db *sql.DB) cargo.Repository {
	return &cargoRepository{db: db}
}

func (r *cargoRepository) Store(c *cargo.Cargo) error {
	_, err := r.db.Exec("INSERT INTO cargos (id, destination) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET destination = $2", c.ID, c.Destination)
	return err
}

func (r *cargoRepository) Find(id string) (*cargo.Cargo, error) {
	c := &cargo.Cargo{ID: id}
	err := r.db.QueryRow("SELECT destination FROM cargos WHERE id = $1", id).Scan(&c.Destination)
	return c, err
}
