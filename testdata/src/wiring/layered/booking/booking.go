// Package booking is the service: an interface with an implementation
// that holds the repository, a logging middleware around it, and one
// handler per operation. It cannot know which repository main chooses.
package booking

import (
	"log"
	"net/http"

	"wiring/layered/cargo"
)

type Service interface {
	Book(id, destination string) error
	ChangeDestination(id, destination string) error
}

type service struct {
	cargos cargo.Repository
}

func NewService(cargos cargo.Repository) Service {
	return &service{cargos: cargos}
}

func (s *service) Book(id, destination string) error {
	return s.cargos.Store(&cargo.Cargo{ID: id, Destination: destination})
}

func (s *service) ChangeDestination(id, destination string) error {
	c, err := s.cargos.Find(id)
	if err != nil {
		return err
	}
	c.Destination = destination
	return s.cargos.Store(c)
}

type loggingService struct {
	logger *log.Logger
	next   Service
}

func NewLoggingService(logger *log.Logger, next Service) Service {
	return &loggingService{logger: logger, next: next}
}

func (s *loggingService) Book(id, destination string) error {
	s.logger.Printf("book %s", id)
	return s.next.Book(id, destination)
}

func (s *loggingService) ChangeDestination(id, destination string) error {
	s.logger.Printf("change %s", id)
	return s.next.ChangeDestination(id, destination)
}

// MakeHandler routes the operations to the service.
func MakeHandler(s Service) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /cargos", func(w http.ResponseWriter, r *http.Request) {
		if err := s.Book(r.FormValue("id"), r.FormValue("destination")); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	})
	mux.HandleFunc("POST /cargos/{id}/destination", func(w http.ResponseWriter, r *http.Request) {
		if err := s.ChangeDestination(r.PathValue("id"), r.FormValue("destination")); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	})
	return mux
}
