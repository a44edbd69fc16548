// Package stats keeps the service's own statistics. Its name says
// nothing about them: what decides is how they are used. accepted is
// served to clients by the info endpoint (a finding, where a handler
// reaches it); slow is only logged (monitoring, silent).
package stats

import (
	"log"
	"sync"
	"time"
)

var (
	mu       sync.Mutex
	accepted uint64
	slow     uint64
)

// LogAccepted counts a message taken in.
func LogAccepted() {
	mu.Lock()
	accepted = accepted + 1
	mu.Unlock()
}

// LogSlow counts a slow request.
func LogSlow() {
	mu.Lock()
	slow++
	mu.Unlock()
}

// Info is what the info endpoint answers.
type Info struct{ Accepted uint64 }

// Load returns the statistics served to clients.
func Load() Info {
	mu.Lock()
	defer mu.Unlock()
	return Info{Accepted: accepted}
}

// Report logs the slow requests every minute.
func Report() {
	for range time.Tick(time.Minute) {
		mu.Lock()
		log.Printf("slow requests: %d", slow)
		mu.Unlock()
	}
}
