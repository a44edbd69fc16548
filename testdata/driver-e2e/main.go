// Command drivere2e is a tiny web service for statelint's driver tests.
// Each stateful handler has a clean twin that keeps its state elsewhere.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"
)

// hits counts requests in this process only.
var hits int

// sessions maps a session token to a user name in this process only.
var sessions = map[string]string{}

// greeting is read-only configuration, set once at startup.
var greeting = os.Getenv("GREETING")

// A Store is an external key-value store such as Redis.
type Store interface {
	Incr(ctx context.Context, key string) (int64, error)
	Set(ctx context.Context, key, value string) error
}

// A Blobs is object storage such as S3.
type Blobs interface {
	Put(ctx context.Context, name string, data []byte) error
}

type server struct {
	store Store
	blobs Blobs
}

func handleHit(w http.ResponseWriter, r *http.Request) {
	hits++
	fmt.Fprintln(w, greeting, hits)
}

func (s *server) handleHitShared(w http.ResponseWriter, r *http.Request) {
	n, err := s.store.Incr(r.Context(), "hits")
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, greeting, n)
}

func handleLogin(w http.ResponseWriter, r *http.Request) {
	sessions[r.FormValue("token")] = r.FormValue("user")
}

func (s *server) handleLoginShared(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Set(r.Context(), "session:"+r.FormValue("token"), r.FormValue("user")); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
}

func handleUpload(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.FormValue("name"))
	if err := os.WriteFile(filepath.Join("uploads", name), []byte(r.FormValue("data")), 0o644); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (s *server) handleUploadShared(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.FormValue("name"))
	if err := s.blobs.Put(r.Context(), name, []byte(r.FormValue("data"))); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func main() {
	s := &server{} // a real service would connect its store and blobs here
	http.HandleFunc("/hit", handleHit)
	http.HandleFunc("/hit-shared", s.handleHitShared)
	http.HandleFunc("/login", handleLogin)
	http.HandleFunc("/login-shared", s.handleLoginShared)
	http.HandleFunc("/upload", handleUpload)
	http.HandleFunc("/upload-shared", s.handleUploadShared)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
