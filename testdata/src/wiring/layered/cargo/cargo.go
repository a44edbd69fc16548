// Package cargo declares the domain and its repository: a layered
// service whose handlers reach the repository through a service
// interface, and whose main chooses the repository.
package cargo

type Cargo struct {
	ID          string
	Destination string
}

type Repository interface {
	Store(c *Cargo) error
	Find(id string) (*Cargo, error)
}
