// Package handler counts the errors it returns by code, in cells it
// creates on first use, as tusd's ErrorsTotalMap does, and hands a copy
// of the table to whoever asks through an exported getter: the
// collector below only exports it, so the table is monitoring: silent.
// Its twin reads its own table back to refuse a client after ten
// errors: a rate limiter.
package handler

import (
	"maps"
	"net/http"
	"sync"
	"sync/atomic"
)

// Errors counts errors by code.
type Errors struct {
	mu      sync.RWMutex
	counter map[string]*uint64
}

func (e *Errors) cell(code string) *uint64 {
	e.mu.RLock()
	ptr, ok := e.counter[code]
	e.mu.RUnlock()
	if ok {
		return ptr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if ptr, ok = e.counter[code]; !ok {
		ptr = new(uint64)
		e.counter[code] = ptr
	}
	return ptr
}

// Load returns a copy of the counts.
func (e *Errors) Load() map[string]*uint64 {
	m := make(map[string]*uint64, len(e.counter))
	e.mu.RLock()
	maps.Copy(m, e.counter)
	e.mu.RUnlock()
	return m
}

// Handler serves uploads.
type Handler struct {
	Errors  *Errors
	strikes map[string]*uint64
	mu      sync.Mutex
}

// New returns a Handler.
func New() *Handler {
	return &Handler{Errors: &Errors{counter: map[string]*uint64{}}, strikes: map[string]*uint64{}}
}

// ServeHTTP fails every request, counting why.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	atomic.AddUint64(h.Errors.cell(r.URL.Path), 1)
	http.Error(w, "not found", http.StatusNotFound)
}

// Strict refuses a client after ten errors.
func (h *Handler) Strict(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	ptr, ok := h.strikes[r.RemoteAddr]
	if !ok {
		ptr = new(uint64)
		h.strikes[r.RemoteAddr] = ptr // want `per-client rate limiter in memory Handler.strikes is written by handler`
	}
	h.mu.Unlock()
	if atomic.AddUint64(ptr, 1) > 10 {
		http.Error(w, "too many errors", http.StatusTooManyRequests)
	}
}

// Routes serves a route through a closure over the handler: the same
// table, under the captured variable's name, silent too.
func Routes(mux *http.ServeMux) *Handler {
	h := New()
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) {
		atomic.AddUint64(h.Errors.cell(r.URL.Path), 1)
		http.Error(w, "failed", http.StatusInternalServerError)
	})
	return h
}
