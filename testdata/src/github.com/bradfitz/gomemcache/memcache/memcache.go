// Package memcache is a stub of github.com/bradfitz/gomemcache@v0.0.0-20260422231931-4d751bb6e37c for statelint's tests: only the signatures the tests use.
package memcache

import "errors"

var ErrCacheMiss = errors.New("memcache: cache miss")

type Item struct {
	Key        string
	Value      []byte
	Flags      uint32
	Expiration int32
	CasID      uint64
}

type Client struct {
	servers []string
}

func New(server ...string) *Client { return &Client{servers: server} }

func (c *Client) Get(key string) (item *Item, err error)                          { return nil, ErrCacheMiss }
func (c *Client) Set(item *Item) error                                            { return nil }
func (c *Client) Add(item *Item) error                                            { return nil }
func (c *Client) Delete(key string) error                                         { return nil }
func (c *Client) Increment(key string, delta uint64) (newValue uint64, err error) { return 0, nil }
