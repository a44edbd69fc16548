// Package notify broadcasts the mailbox totals, one broadcast pending at
// a time.
package notify

import (
	"sync/atomic"
	"time"
)

var pendingBroadcast atomic.Bool

// Broadcast sends the totals, unless a broadcast is pending.
func Broadcast() {
	if !pendingBroadcast.CompareAndSwap(false, true) {
		return
	}
	go func() {
		time.Sleep(250 * time.Millisecond)
		pendingBroadcast.Store(false)
	}()
}
