// Package acct keeps transfer statistics, like rclone's accounting:
// per-process numbers by design, only ever logged.
package acct

import (
	"log"
	"sync"
)

type statsGroups struct {
	mu    sync.Mutex
	bytes map[string]int64
}

var groups = &statsGroups{bytes: map[string]int64{}}

// Record adds n bytes to group g.
func Record(g string, n int64) {
	groups.mu.Lock()
	defer groups.mu.Unlock()
	groups.bytes[g] += n
}

// Report logs the bytes of group g.
func Report(g string) {
	groups.mu.Lock()
	defer groups.mu.Unlock()
	log.Printf("%s: %d bytes", g, groups.bytes[g])
}
