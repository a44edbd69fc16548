package replicas

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// backends starts n test servers that answer with their number, the Host
// they were asked for and whether the replica header reached them.
func backends(t testing.TB, n int) []int {
	var ports []int
	for i := range n {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, strconv.Itoa(i+1)+" "+r.Host+" "+r.Header.Get(ReplicaHeader)+" "+r.Header.Get("X-Forwarded-For"))
		}))
		t.Cleanup(srv.Close)
		port, _ := strconv.Atoi(srv.URL[strings.LastIndex(srv.URL, ":")+1:])
		ports = append(ports, port)
	}
	return ports
}

func get(t testing.TB, url string, replica string) (string, string) {
	req, _ := http.NewRequest("GET", url, nil)
	if replica != "" {
		req.Header.Set(ReplicaHeader, replica)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return string(body), resp.Header.Get(ReplicaHeader)
}

func TestProxyRoutes(t *testing.T) {
	p := NewProxy()
	defer p.Close()
	p.SetBackends(backends(t, 3))
	front := httptest.NewServer(p)
	defer front.Close()
	host := strings.TrimPrefix(front.URL, "http://")
	for i, want := range []string{"1", "2", "3", "1"} { // in turn without the header
		body, served := get(t, front.URL, "")
		if !strings.HasPrefix(body, want+" "+host+"  127.0.0.1") || served != want {
			t.Errorf("request %d: %q served by %q, want replica %s, Host %s, no replica header", i, body, served, want, host)
		}
	}
	if body, served := get(t, front.URL, "3"); !strings.HasPrefix(body, "3 ") || served != "3" {
		t.Errorf("chosen replica 3: %q served by %q", body, served)
	}
	if body, _ := get(t, front.URL, "9"); !strings.Contains(body, "not a replica") {
		t.Errorf("replica 9: %q", body)
	}
}

func TestProxyBackendGone(t *testing.T) {
	p := NewProxy()
	defer p.Close()
	ports, _ := freePorts(1) // nobody listens there
	p.SetBackends(ports)
	front := httptest.NewServer(p)
	defer front.Close()
	resp, err := http.Get(front.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadGateway {
		t.Errorf("status %d, want 502", resp.StatusCode)
	}
}

// BenchmarkProxy measures a request through the proxy to a local backend,
// next to the same request sent to the backend directly: the difference
// is what the harness adds per request.
func BenchmarkProxy(b *testing.B) {
	ports := backends(b, 3)
	p := NewProxy()
	defer p.Close()
	p.SetBackends(ports)
	front := httptest.NewServer(p)
	defer front.Close()
	client := &http.Client{}
	do := func(b *testing.B, url string) {
		for b.Loop() {
			resp, err := client.Get(url)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	b.Run("direct", func(b *testing.B) { do(b, "http://127.0.0.1:"+strconv.Itoa(ports[0])) })
	b.Run("proxied", func(b *testing.B) { do(b, front.URL) })
}
