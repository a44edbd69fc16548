package driver

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progressDelay is how long a run stays silent before it shows progress:
// a quick run should print nothing but its findings.
const progressDelay = 3 * time.Second

// A progress line tells a person at a terminal what a long run is doing.
// It is written to stderr only when that is a terminal, after
// progressDelay, and erased when the run ends, so logs and pipes never
// see it.
type progress struct {
	w     io.Writer // nil when stderr is not a terminal
	start time.Time
	delay time.Duration

	mu    sync.Mutex
	phase string
	done  int // actions finished, of total
	total int
	shown bool
}

func newProgress(stderr io.Writer, delay time.Duration) *progress {
	p := &progress{start: time.Now(), delay: delay}
	if isTerminal(stderr) {
		p.w = stderr
	}
	return p
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// begin names a phase of the run, with the number of steps it will count.
func (p *progress) begin(phase string, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.phase, p.done, p.total = phase, 0, total
	p.show()
}

// step counts one step of the phase; checks call it concurrently.
func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.show()
}

// tick shows the line once the delay has passed even when no step ends.
func (p *progress) tick(stop <-chan struct{}) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			p.mu.Lock()
			p.show()
			p.mu.Unlock()
		}
	}
}

func (p *progress) show() {
	if p.w == nil || time.Since(p.start) < p.delay {
		return
	}
	line := "statelint: " + p.phase
	if p.total > 0 {
		line += fmt.Sprintf(" (%d/%d)", p.done, p.total)
	}
	fmt.Fprintf(p.w, "\r\033[K%s, %ds", line, int(time.Since(p.start).Seconds()))
	p.shown = true
}

// clear erases the line so that a message can be printed in its place;
// the next step shows it again.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
}

func (p *progress) erase() {
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// end erases the line for good, before the run writes its results.
func (p *progress) end() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.erase()
	p.w = nil
}
