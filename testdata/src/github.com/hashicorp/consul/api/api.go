// Package api is a stub of github.com/hashicorp/consul/api@v1.32.0 for statelint's tests: only the signatures the tests use, and the shape of its fields.
package api

import "net/http"

type Config struct {
	Address    string
	HttpClient *http.Client
	Headers    map[string]string
}

// Client reaches a Consul agent over HTTP.
type Client struct {
	config Config
}

type KV struct{ c *Client }

type KVPair struct {
	Key   string
	Value []byte
}

type WriteOptions struct{}
type QueryOptions struct{}
type WriteMeta struct{}
type QueryMeta struct{}

func NewClient(config *Config) (*Client, error) { return &Client{}, nil }
func (c *Client) KV() *KV                       { return &KV{c} }

func (k *KV) Put(p *KVPair, q *WriteOptions) (*WriteMeta, error)           { return nil, nil }
func (k *KV) Get(key string, q *QueryOptions) (*KVPair, *QueryMeta, error) { return nil, nil, nil }
