// Package bookkeeping is a cache middleware whose expiry list and byte
// count index its entries: one piece of state to move, with the cache.
package bookkeeping

import (
	"net/http"
	"sync"
	"time"
)

type entry struct {
	body []byte
	exp  time.Time
}

func fetch(r *http.Request) []byte {
	resp, err := http.Get("http://backend" + r.URL.Path)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	buf := make([]byte, 1024)
	n, _ := resp.Body.Read(buf)
	return buf[:n]
}

// Cache caches the backend's responses by path.
func Cache() http.HandlerFunc {
	var mu sync.Mutex
	entries := map[string]*entry{}
	var expiry []string
	var stored int
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if e, ok := entries[r.URL.Path]; ok && time.Now().Before(e.exp) {
			w.Write(e.body)
			return
		}
		body := fetch(r)
		entries[r.URL.Path] = &entry{body: body, exp: time.Now().Add(time.Minute)} // want `in-process cache entries \(with expiry and stored\) is written by handler Cache.func1: `
		expiry = append(expiry, r.URL.Path)
		stored += len(body)
		w.Write(body)
	}
}

// Room is the clean twin of the fold: a registry of clients beside a
// history of messages, two pieces of state, each its own finding.
func Room() http.HandlerFunc {
	var mu sync.Mutex
	clients := map[string]http.ResponseWriter{}
	var history []string
	return func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		clients[r.FormValue("name")] = w                  // want `in-process connection registry clients is written by handler Room.func1: `
		history = append(history, r.FormValue("message")) // want `in-memory records table history is written by handler Room.func1: `
		for _, h := range history {
			w.Write([]byte(h))
		}
	}
}
