package driver_test

import (
	"os"
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
	wantOneAt(t, vetAgrees(t, realTool, dir), "cmd/app/main.go:",
		"cmd/app/main.go:11:26: per-client rate limiter in memory store.buckets of memorystore.New() is written by handler (*limit.Middleware).Handle.func1 through Store.Take")
	// The inventory lists it under its construction, with the handler
	// of the other package that writes it.
	inv := realTool.run(t, dir, "-inventory", "./...")
	if inv.code != 0 || !strings.Contains(inv.stdout, "- chosen here and written by handler (\\*limit.Middleware).Handle.func1 through Store.Take") {
		t.Errorf("the inventory does not show the wired store with its handler (exit %d):\n%s%s", inv.code, inv.stdout, inv.stderr)
	}
}

// TestVetWiringNested checks that both drivers follow an implementation
// into the slots of its own: main hands a service, built on a repository,
// to a handler of another package; the service's type is unexported, so
// under go vet the handler's package sees only the interface it calls,
// and main closes the repository's call through the service's Concrete
// fact.
func TestVetWiringNested(t *testing.T) {
	if !realTool.reports {
		t.Skip("the real statelint reports nothing on testdata/driver-e2e")
	}
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "repo", "repo.go"), `package repo

type Repository interface {
	Store(id, v string)
}
`)
	writeFile(t, filepath.Join(dir, "inspect", "inspect.go"), `package inspect

import "example.com/drivere2e/repo"

type Service interface {
	Inspect(id string)
}

type service struct {
	records repo.Repository
}

func NewService(r repo.Repository) Service { return &service{records: r} }

func (s *service) Inspect(id string) { s.records.Store(id, "inspected") }
`)
	writeFile(t, filepath.Join(dir, "handling", "handling.go"), `package handling

import (
	"net/http"

	"example.com/drivere2e/inspect"
)

type Handler interface {
	Handled(id string)
}

type handler struct {
	inspection inspect.Service
}

func NewHandler(s inspect.Service) Handler { return &handler{inspection: s} }

func (h *handler) Handled(id string) { h.inspection.Inspect(id) }

type Server struct {
	events Handler
}

func NewServer(h Handler) *Server { return &Server{events: h} }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.events.Handled(r.FormValue("id"))
}
`)
	writeFile(t, filepath.Join(dir, "memrepo", "memrepo.go"), `package memrepo

import (
	"sync"

	"example.com/drivere2e/repo"
)

type repository struct {
	mu   sync.Mutex
	rows map[string]string
}

func New() repo.Repository { return &repository{rows: map[string]string{}} }

func (r *repository) Store(id, v string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rows[id] = v
}
`)
	writeFile(t, filepath.Join(dir, "cmd", "app", "main.go"), `package main

import (
	"net/http"

	"example.com/drivere2e/handling"
	"example.com/drivere2e/inspect"
	"example.com/drivere2e/memrepo"
)

func main() {
	rows := memrepo.New()
	http.Handle("/events", handling.NewServer(handling.NewHandler(inspect.NewService(rows))))
	http.ListenAndServe(":8080", nil)
}
`)
	wantOneAt(t, vetAgrees(t, realTool, dir), "cmd/app/main.go:",
		"cmd/app/main.go:12:21: in-memory records table repository.rows of memrepo.New() is written by handler (*handling.Server).ServeHTTP through Repository.Store")
}

// wantOneAt checks that exactly one of the findings lies where prefix
// says, and that it contains want.
func wantOneAt(t *testing.T, found []string, prefix, want string) {
	t.Helper()
	var at []string
	for _, l := range found {
		if strings.HasPrefix(l, prefix) {
			at = append(at, l)
		}
	}
	if len(at) != 1 || !strings.Contains(at[0], want) {
		t.Errorf("want one finding at %s containing %q, got:\n%s", prefix, want, strings.Join(found, "\n"))
	}
}

// TestVetDependencyCache checks that both drivers recognise a cache of
// another module reached only through its generic interface: its one
// implementation is unexported, which go vet's view of the dependency
// leaves out, so the interface itself must decide.
func TestVetDependencyCache(t *testing.T) {
	if !realTool.reports {
		t.Skip("the real statelint reports nothing on testdata/driver-e2e")
	}
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "expcache", "go.mod"), "module example.com/expcache\n\ngo 1.26\n")
	stub, err := os.ReadFile("../../testdata/src/example.com/expcache/expcache.go") // the analysistest stub
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "expcache", "expcache.go"), string(stub))
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "go.mod"), string(gomod)+"\nrequire example.com/expcache v0.0.0\n\nreplace example.com/expcache => ./expcache\n")
	writeFile(t, filepath.Join(dir, "cmd", "pages", "main.go"), `package main

import (
	"net/http"
	"time"

	"example.com/expcache"
)

var pages = expcache.NewCache[string, string]()

func page(w http.ResponseWriter, r *http.Request) {
	if p, ok := pages.Get(r.URL.Path); ok {
		w.Write([]byte(p))
		return
	}
	pages.Set(r.URL.Path, "rendered", time.Minute)
}

func main() {
	http.HandleFunc("/page", page)
	http.ListenAndServe(":8080", nil)
}
`)
	wantOneAt(t, vetAgrees(t, realTool, dir), "cmd/pages/main.go:", "cmd/pages/main.go:17:11: in-memory records table pages is written by handler for \"/page\"")
}
