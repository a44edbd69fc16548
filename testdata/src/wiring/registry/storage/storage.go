// Package storage chooses a message store by name from a registry of
// constructors that the command fills: this package cannot know which
// store the service runs with.
package storage

import "errors"

// Store keeps messages by mailbox.
type Store interface {
	Add(mailbox, msg string) error
	List(mailbox string) ([]string, error)
}

// Constructors holds the registered stores by name.
var Constructors = map[string]func(dsn string) (Store, error){}

// FromConfig makes the store the configuration names.
func FromConfig(kind, dsn string) (Store, error) {
	if c := Constructors[kind]; c != nil {
		return c(dsn)
	}
	return nil, errors.New("unknown store " + kind)
}
