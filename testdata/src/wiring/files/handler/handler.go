// Package handler serves uploads through the stores a composer holds; it
// declares the interfaces and cannot know which implementations the
// program puts in the composer (tusd's pkg/handler).
package handler

import "net/http"

// DataStore keeps uploads.
type DataStore interface {
	NewUpload(id string) error
	GetUpload(id string) (Upload, error)
}

// Upload is one upload in progress, made per request.
type Upload interface {
	WriteChunk(chunk []byte) error
}

// TerminaterDataStore removes uploads.
type TerminaterDataStore interface {
	Terminate(id string) error
}

// Locker makes the locks of uploads.
type Locker interface {
	NewLock(id string) (Lock, error)
}

// Lock is the lock of one upload.
type Lock interface {
	Lock() error
}

// StoreComposer holds the stores the program chose.
type StoreComposer struct {
	Core       DataStore
	Terminater TerminaterDataStore
	Locker     Locker
}

// NewStoreComposer returns an empty composer.
func NewStoreComposer() *StoreComposer { return &StoreComposer{} }

// UseCore sets the data store.
func (c *StoreComposer) UseCore(core DataStore) { c.Core = core }

// UseTerminater sets the store that removes uploads.
func (c *StoreComposer) UseTerminater(t TerminaterDataStore) { c.Terminater = t }

// UseLocker sets the locker.
func (c *StoreComposer) UseLocker(l Locker) { c.Locker = l }

// Config configures a handler.
type Config struct {
	StoreComposer *StoreComposer
}

// Handler serves the upload routes.
type Handler struct {
	composer *StoreComposer
}

// NewHandler builds a handler over the composer's stores.
func NewHandler(c Config) *Handler { return &Handler{composer: c.StoreComposer} }

// PostFile creates an upload.
func (h *Handler) PostFile(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	if err := h.lock(id); err != nil {
		http.Error(w, "locked", http.StatusLocked)
		return
	}
	if err := h.composer.Core.NewUpload(id); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// PatchFile appends a chunk to an upload.
func (h *Handler) PatchFile(w http.ResponseWriter, r *http.Request) {
	up, err := h.composer.Core.GetUpload(r.FormValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	if err := up.WriteChunk([]byte(r.FormValue("chunk"))); err != nil {
		// a stopped upload is removed: the same helper DelFile calls
		h.terminate(r.FormValue("id"))
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// DelFile removes an upload, under its lock: both calls are helpers
// that other handlers make too.
func (h *Handler) DelFile(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	if err := h.lock(id); err != nil {
		http.Error(w, "locked", http.StatusLocked)
		return
	}
	if err := h.terminate(id); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (h *Handler) terminate(id string) error {
	return h.composer.Terminater.Terminate(id)
}

func (h *Handler) lock(id string) error {
	lock, err := h.composer.Locker.NewLock(id)
	if err != nil {
		return err
	}
	return lock.Lock()
}
