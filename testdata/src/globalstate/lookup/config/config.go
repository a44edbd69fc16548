// Package config holds the endpoints a monitor watches, loaded at startup,
// and hands one out by its key.
package config

import "strings"

type Endpoint struct {
	Key   string
	Token string

	FailuresInARow int
	Triggered      bool
}

type Config struct {
	Endpoints []*Endpoint
	byName    map[string]*Endpoint
}

// EndpointByKey returns the endpoint itself: one of c.Endpoints.
func (c *Config) EndpointByKey(key string) *Endpoint {
	for i := 0; i < len(c.Endpoints); i++ {
		ep := c.Endpoints[i]
		if ep.Key == strings.ToLower(key) {
			return ep
		}
	}
	return nil
}

// Named is a comma-ok lookup in c.byName.
func (c *Config) Named(name string) (*Endpoint, bool) {
	ep, ok := c.byName[name]
	return ep, ok
}

// EndpointCopy returns a copy: what a caller writes to it is its own.
func (c *Config) EndpointCopy(key string) (Endpoint, error) {
	if ep := c.EndpointByKey(key); ep != nil {
		return *ep, nil
	}
	return Endpoint{}, nil
}

// Load reads the configuration at startup.
func Load() *Config {
	return &Config{Endpoints: []*Endpoint{{Key: "api", Token: "t"}}, byName: map[string]*Endpoint{}}
}
