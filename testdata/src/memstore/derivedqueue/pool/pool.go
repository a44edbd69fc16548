// Package pool runs jobs on this process's workers: Push queues what its
// caller hands it, so whether the queue keeps anything of its own is the
// caller's to judge.
package pool

// Job is a feed to refresh.
type Job struct {
	UserID, FeedID int64
}

// Pool is a set of workers fed by a channel.
type Pool struct{ queue chan Job }

// New starts n workers.
func New(n int) *Pool {
	p := &Pool{queue: make(chan Job, 100)}
	for range n {
		go func() {
			for range p.queue {
			}
		}()
	}
	return p
}

// Push queues jobs for the workers.
func (p *Pool) Push(jobs []Job) {
	for _, job := range jobs {
		p.queue <- job
	}
}
