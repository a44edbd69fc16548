package replicas

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Command says how to start one instance of the service.
type Command struct {
	Path string   // the program
	Args []string // "{port}" and "{addr}" in them become the instance's port and 127.0.0.1:port
	Dir  string   // working directory; the current one when empty
	// Env is added to the harness's own environment, which is passed
	// through so that instances share backing services. PORT is set too,
	// and TMPDIR to a directory of the instance's own, new at every start,
	// as a container's would be: state kept in temporary files (a file
	// session store, say) is not shared by the replicas.
	Env []string
	// Output, when set, receives a copy of every instance's output.
	Output io.Writer
}

// instance is one running process of the service.
type instance struct {
	index  int
	port   int
	cmd    *exec.Cmd
	output *tail
	tmp    string        // its TMPDIR
	done   chan struct{} // closed when the process has exited
	err    error         // the exit status, once done is closed
}

// freePorts asks the kernel for n distinct loopback ports nobody listens
// on. All are held until all are chosen: a port released before the next
// is asked for may be handed out again, and two replicas on one port
// would be one replica answering for both.
func freePorts(n int) ([]int, error) {
	var ports []int
	for range n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

func (c Command) args(port int) []string {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	out := make([]string, len(c.Args))
	for i, a := range c.Args {
		a = strings.ReplaceAll(a, "{port}", strconv.Itoa(port))
		out[i] = strings.ReplaceAll(a, "{addr}", addr)
	}
	return out
}

// start starts instance index on port; it does not wait for the port.
func (c Command) start(index, port int) (*instance, error) {
	tmp, err := os.MkdirTemp("", fmt.Sprintf("statelint-replica-%d-", index+1))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(c.Path, c.args(port)...)
	cmd.Dir = c.Dir
	cmd.Env = append(append(os.Environ(), c.Env...), "PORT="+strconv.Itoa(port), "TMPDIR="+tmp)
	in := &instance{index: index, port: port, cmd: cmd, output: &tail{}, tmp: tmp, done: make(chan struct{})}
	var out io.Writer = in.output
	if c.Output != nil {
		out = io.MultiWriter(in.output, prefixed(c.Output, fmt.Sprintf("[replica %d] ", index+1)))
	}
	cmd.Stdout, cmd.Stderr = out, out
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("starting %s: %v", c.Path, err)
	}
	go func() {
		in.err = cmd.Wait()
		close(in.done)
	}()
	return in, nil
}

// pollInterval is how often a starting instance's port is tried.
const pollInterval = 5 * time.Millisecond

// waitReady waits until the instance accepts connections on its port.
func (in *instance) waitReady(ctx context.Context, timeout time.Duration) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	addr := "127.0.0.1:" + strconv.Itoa(in.port)
	for {
		conn, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err == nil {
			conn.Close()
			return nil
		}
		select {
		case <-in.done:
			return fmt.Errorf("replica %d exited (%v) before listening on %s; its output:\n%s", in.index+1, in.err, addr, in.output)
		case <-deadline.C:
			return fmt.Errorf("replica %d did not listen on %s within %s (does it read $PORT or {port}?); its output:\n%s", in.index+1, addr, timeout, in.output)
		case <-ctx.Done():
			return fmt.Errorf("replica %d: %v while waiting for %s", in.index+1, ctx.Err(), addr)
		case <-time.After(pollInterval):
		}
	}
}

// stop stops the instance gracefully: SIGTERM, then SIGKILL if it has not
// exited within timeout. Whatever it started in its process group goes too.
func (in *instance) stop(timeout time.Duration) {
	select {
	case <-in.done:
	default:
		terminate(in.cmd)
		select {
		case <-in.done:
		case <-time.After(timeout):
		}
	}
	kill(in.cmd)
	<-in.done
	os.RemoveAll(in.tmp)
}

// tailSize is how much of an instance's output is kept for error messages.
const tailSize = 8 << 10

// tail keeps the last tailSize bytes written to it.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > tailSize {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-tailSize:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.buf) == 0 {
		return "\t(nothing)"
	}
	return "\t" + strings.ReplaceAll(strings.TrimRight(string(t.buf), "\n"), "\n", "\n\t")
}

// prefixed writes each line to w after prefix.
func prefixed(w io.Writer, prefix string) io.Writer {
	return &prefixWriter{w: w, prefix: prefix, start: true}
}

type prefixWriter struct {
	mu     sync.Mutex
	w      io.Writer
	prefix string
	start  bool
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var sb strings.Builder
	for _, c := range string(b) {
		if p.start {
			sb.WriteString(p.prefix)
		}
		sb.WriteRune(c)
		p.start = c == '\n'
	}
	_, err := io.WriteString(p.w, sb.String())
	return len(b), err
}
