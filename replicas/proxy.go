package replicas

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// ReplicaHeader carries the replica (counted from 1) that is to serve a
// request through the proxy, and, on the response, the one that served it.
// The harness sets it from its schedule; without it the proxy picks the
// next replica in turn. It never reaches the service.
const ReplicaHeader = "X-Statelint-Replica"

// Proxy is the load balancer in front of the replicas: one address for the
// whole journey, as in production, so that cookies, Host and absolute
// URLs are the same whichever replica serves a request.
type Proxy struct {
	mu        sync.Mutex
	backends  []*url.URL
	next      int
	transport *http.Transport
	rp        *httputil.ReverseProxy
}

type targetKey struct{}

// NewProxy returns a proxy with no backends; see SetBackends.
func NewProxy() *Proxy {
	p := &Proxy{transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 16,
		IdleConnTimeout:     30 * time.Second,
	}}
	p.rp = &httputil.ReverseProxy{
		Rewrite:      rewrite,
		Transport:    p.transport,
		ErrorHandler: proxyError,
	}
	return p
}

// rewrite sends the request to the chosen backend and keeps the Host the
// client asked for, as a load balancer does.
func rewrite(pr *httputil.ProxyRequest) {
	pr.SetURL(pr.In.Context().Value(targetKey{}).(*url.URL))
	pr.Out.Host = pr.In.Host
	pr.SetXForwarded()
	pr.Out.Header.Del(ReplicaHeader)
}

func proxyError(w http.ResponseWriter, r *http.Request, err error) {
	http.Error(w, "statelint-replicas proxy: "+err.Error(), http.StatusBadGateway)
}

// SetBackends replaces the replicas behind the proxy.
func (p *Proxy) SetBackends(ports []int) {
	urls := make([]*url.URL, len(ports))
	for i, port := range ports {
		urls[i] = &url.URL{Scheme: "http", Host: "127.0.0.1:" + strconv.Itoa(port)}
	}
	p.mu.Lock()
	p.backends, p.next = urls, 0
	p.mu.Unlock()
	p.transport.CloseIdleConnections()
}

// Forget drops the proxy's idle connections, which point at a process that
// is gone after a restart.
func (p *Proxy) Forget() { p.transport.CloseIdleConnections() }

// pick returns the replica for r, by its ReplicaHeader or in turn.
func (p *Proxy) pick(r *http.Request) (int, *url.URL, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.backends) == 0 {
		return 0, nil, fmt.Errorf("no replicas")
	}
	i := p.next % len(p.backends)
	if h := r.Header.Get(ReplicaHeader); h != "" {
		n, err := strconv.Atoi(h)
		if err != nil || n < 1 || n > len(p.backends) {
			return 0, nil, fmt.Errorf("%s: %q is not a replica", ReplicaHeader, h)
		}
		i = n - 1
	}
	p.next = i + 1
	return i, p.backends[i], nil
}

// ServeHTTP forwards r to a replica.
func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	i, target, err := p.pick(r)
	if err != nil {
		http.Error(w, "statelint-replicas proxy: "+err.Error(), http.StatusBadGateway)
		return
	}
	w.Header().Set(ReplicaHeader, strconv.Itoa(i+1))
	p.rp.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), targetKey{}, target)))
}

// Close releases the proxy's connections.
func (p *Proxy) Close() { p.transport.CloseIdleConnections() }
