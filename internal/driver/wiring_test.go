package driver_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestVetWiring checks that both drivers find a store chosen in main
// behind an interface that a handler of another package calls through,
// at the construction in main: under go vet the handler's package is
// analysed before the implementations, which import it, and the
// implementation's type is unexported, known to main only through the
// facts of the package that makes it.
func TestVetWiring(t *testing.T) {
	if !realTool.reports {
		t.Skip("the real statelint reports nothing on testdata/driver-e2e")
	}
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "limiter", "limiter.go"), `package limiter

type Store interface {
	Take(key string) bool
}
`)
	writeFile(t, filepath.Join(dir, "limit", "limit.go"), `package limit

import (
	"net/http"

	"example.com/drivere2e/limiter"
)

type Middleware struct {
	store limiter.Store
}

func New(store limiter.Store) *Middleware { return &Middleware{store: store} }

func (m *Middleware) Handle(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !m.store.Take(r.RemoteAddr) {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
`)
	writeFile(t, filepath.Join(dir, "memorystore", "memorystore.go"), `package memorystore

import (
	"sync"

	"example.com/drivere2e/limiter"
)

type store struct {
	mu      sync.Mutex
	buckets map[string]int
}

func New() limiter.Store { return &store{buckets: map[string]int{}} }

func (s *store) Take(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buckets[key]++
	return s.buckets[key] < 100
}
`)
	writeFile(t, filepath.Join(dir, "cmd", "app", "main.go"), `package main

import (
	"net/http"

	"example.com/drivere2e/limit"
	"example.com/drivere2e/memorystore"
)

func main() {
	store := memorystore.New()
	http.Handle("/", limit.New(store).Handle(http.NotFoundHandler()))
	http.ListenAndServe(":8080", nil)
}
`)
	found := vetAgrees(t, realTool, dir)
	var wired []string
	for _, l := range found {
		if strings.HasPrefix(l, "cmd/app/main.go:") {
			wired = append(wired, l)
		}
	}
	if len(wired) != 1 || !strings.Contains(wired[0], "cmd/app/main.go:11:26: per-client rate limiter in memory store.buckets of memorystore.New() is written by handler (*limit.Middleware).Handle.func1 through Store.Take") {
		t.Errorf("want one finding at memorystore.New() in cmd/app/main.go:11, got:\n%s", strings.Join(found, "\n"))
	}
	// The inventory lists it under its construction, with the handler
	// of the other package that writes it.
	inv := realTool.run(t, dir, "-inventory", "./...")
	if inv.code != 0 || !strings.Contains(inv.stdout, "- chosen here and written by handler (\\*limit.Middleware).Handle.func1 through Store.Take") {
		t.Errorf("the inventory does not show the wired store with its handler (exit %d):\n%s%s", inv.code, inv.stdout, inv.stderr)
	}
}
