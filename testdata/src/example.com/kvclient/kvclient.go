// Package kvclient is a client of a remote key-value store behind an
// interface with a cache's method names: its one implementation holds a
// network connection, so what it keeps is outside the process.
package kvclient

import (
	"net"
	"time"
)

// KV reads and writes remote keys.
type KV interface {
	SetWithTTL(key string, value []byte, ttl time.Duration) error
	Get(key string) ([]byte, error)
}

type client struct {
	conn    net.Conn
	pending map[string][]byte // requests in flight on the connection
}

// Dial connects to the store.
func Dial(addr string) (KV, error) {
	c, err := net.Dial("tcp", addr)
	return &client{conn: c, pending: map[string][]byte{}}, err
}

func (c *client) SetWithTTL(key string, value []byte, ttl time.Duration) error { return nil }

func (c *client) Get(key string) ([]byte, error) { return nil, nil }
