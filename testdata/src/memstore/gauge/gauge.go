// Package gauge hands each submission to a worker that a sync.Once
// starts on first use. The count of submissions in flight is stepped up
// by the handler and back down by the worker, where no request path sees
// it: a gauge of this replica's own work, left out of the queue's
// finding. The count of every submission is state beside the queue.
package gauge

import (
	"net/http"
	"sync"
	"sync/atomic"
)

type committer struct {
	once    sync.Once
	queue   chan string
	pending int32 // stepped up by the handler, down by the worker: a gauge of work in flight, silent
	total   int32 // stepped up only: reported
}

var commits = &committer{}

func (c *committer) submit(id string) {
	c.once.Do(func() {
		c.queue = make(chan string, 16)
		go func() {
			for range c.queue {
				atomic.AddInt32(&c.pending, -1)
			}
		}()
	})
	atomic.AddInt32(&c.pending, 1)
	atomic.AddInt32(&c.total, 1)
	c.queue <- id // want `in-process queue commits.queue \(with commits.total\) is written by handler for "POST /commit"`
}

func commit(w http.ResponseWriter, r *http.Request) {
	commits.submit(r.FormValue("id"))
}

func init() {
	http.HandleFunc("POST /commit", commit)
}
