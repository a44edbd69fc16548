// Command golangcie2e is a small net/http service that statelint must
// report the same way through golangci-lint and through go vet
// (scripts/golangci-e2e.sh). Each stateful handler has a clean twin.
package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// visits counts requests in this process only.
var visits int

// sessions holds logged-in users in this process only.
var (
	mu       sync.Mutex
	sessions = map[string]string{}
)

// maxUpload is configuration, set before serving and only read after.
var maxUpload = int64(1 << 20)

// A KV is an external store such as Redis.
type KV interface {
	Incr(ctx context.Context, key string) (int64, error)
	Set(ctx context.Context, key, value string) error
}

// An ObjectStore is object storage such as S3.
type ObjectStore interface {
	Put(ctx context.Context, key string, data []byte) error
}

type app struct {
	kv      KV
	objects ObjectStore
}

func handleVisit(w http.ResponseWriter, r *http.Request) {
	visits++
	_ = json.NewEncoder(w).Encode(visits)
}

func (a *app) handleVisitShared(w http.ResponseWriter, r *http.Request) {
	n, err := a.kv.Incr(r.Context(), "visits")
	if err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
		return
	}
	_ = json.NewEncoder(w).Encode(n)
}

func handleLogin(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	sessions[r.FormValue("token")] = r.FormValue("user")
}

func (a *app) handleLoginShared(w http.ResponseWriter, r *http.Request) {
	if err := a.kv.Set(r.Context(), "session:"+r.FormValue("token"), r.FormValue("user")); err != nil {
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	}
}

func handleAvatar(w http.ResponseWriter, r *http.Request) {
	data := []byte(r.FormValue("image"))
	if int64(len(data)) > maxUpload {
		http.Error(w, "too large", http.StatusRequestEntityTooLarge)
		return
	}
	name := filepath.Join("avatars", filepath.Base(r.FormValue("user"))+".png")
	if err := os.WriteFile(name, data, 0o600); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (a *app) handleAvatarShared(w http.ResponseWriter, r *http.Request) {
	data := []byte(r.FormValue("image"))
	if int64(len(data)) > maxUpload {
		http.Error(w, "too large", http.StatusRequestEntityTooLarge)
		return
	}
	if err := a.objects.Put(r.Context(), "avatars/"+filepath.Base(r.FormValue("user")), data); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func main() {
	if os.Getenv("SMALL_UPLOADS") != "" {
		maxUpload = 1 << 16 // startup configuration, not request state
	}
	a := &app{} // a real service connects its KV and object store here
	mux := http.NewServeMux()
	mux.HandleFunc("GET /visit", handleVisit)
	mux.HandleFunc("GET /visit-shared", a.handleVisitShared)
	mux.HandleFunc("POST /login", handleLogin)
	mux.HandleFunc("POST /login-shared", a.handleLoginShared)
	mux.HandleFunc("POST /avatar", handleAvatar)
	mux.HandleFunc("POST /avatar-shared", a.handleAvatarShared)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
