// Package handleconfig keeps, in a configuration object that its handler
// closure captures, an HTTP client made on the first request and set up
// there (its cookie jar, its transport's proxy): the client's own
// settings, alike on every replica, are not state. The status of the last
// upstream call, written to the same object, is.
package handleconfig

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
)

type Config struct {
	ProxyURL     string
	StoreCookies bool
	LastStatus   int

	httpClient *http.Client
}

func (c *Config) client() *http.Client {
	if c.httpClient == nil {
		c.httpClient = &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
		if c.ProxyURL != "" {
			if u, err := url.Parse(c.ProxyURL); err == nil {
				c.httpClient.Transport.(*http.Transport).Proxy = http.ProxyURL(u)
			}
		}
		if c.StoreCookies {
			jar, _ := cookiejar.New(nil)
			c.httpClient.Jar = jar
		}
	}
	return c.httpClient
}

func statuses(cfg *Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		resp, err := cfg.client().Get("https://upstream/status")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		cfg.LastStatus = resp.StatusCode // want `mutable server variable cfg.LastStatus .*is written by handler for "/status"`
		w.WriteHeader(resp.StatusCode)
	}
}

func main() {
	cfg := &Config{StoreCookies: true}
	http.HandleFunc("/status", statuses(cfg))
	http.ListenAndServe(":8080", nil)
}
