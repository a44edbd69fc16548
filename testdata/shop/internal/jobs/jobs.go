// Package jobs runs exports in the background.
package jobs

import (
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

var (
	mu     sync.Mutex
	status = map[string]string{}
	nextID atomic.Int64
)

// Start starts an export for user and returns its ID.
func Start(user string) string {
	id := strconv.FormatInt(nextID.Add(1), 10)
	set(id, "running")
	go func() {
		time.Sleep(time.Second) // the export
		set(id, "done")
	}()
	return id
}

func set(id, s string) {
	mu.Lock()
	status[id] = s
	mu.Unlock()
}

// Status reports an export's status.
func Status(id string) string {
	mu.Lock()
	defer mu.Unlock()
	return status[id]
}
