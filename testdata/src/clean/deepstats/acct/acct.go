// Package acct keeps transfer statistics, like rclone's accounting:
// per-process numbers by design, named as such by their type.
package acct

import "sync"

type statsGroups struct {
	mu    sync.Mutex
	order []string
	bytes map[string]int64
}

var groups = &statsGroups{bytes: map[string]int64{}}

// Record adds n bytes to group g.
func Record(g string, n int64) {
	groups.mu.Lock()
	defer groups.mu.Unlock()
	if _, ok := groups.bytes[g]; !ok {
		groups.order = append(groups.order, g)
	}
	groups.bytes[g] += n
}
