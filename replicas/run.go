package replicas

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Config is what Run needs. Zero durations take the defaults below.
type Config struct {
	Journey  *Journey
	Command  Command
	Replicas int // N; 3 when 0

	Timeout      time.Duration // the whole run; 5 minutes
	StartTimeout time.Duration // an instance's port to open; 30 seconds
	StopTimeout  time.Duration // a graceful stop before SIGKILL; 10 seconds
	StepTimeout  time.Duration // one request; 10 seconds

	// NoControl skips the control pass: everything but the ignore rules
	// is compared.
	NoControl bool
	// Findings are statelint's findings on the service, named in the
	// report when their routes match the steps involved.
	Findings []Finding
	// Log, when set, receives a line as each pass starts.
	Log io.Writer
}

func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.Timeout, 5*time.Minute)
	def(&c.StartTimeout, 30*time.Second)
	def(&c.StopTimeout, 10*time.Second)
	def(&c.StepTimeout, 10*time.Second)
	if c.Replicas <= 0 {
		c.Replicas = 3
	}
	return c
}

func (c Config) passes() []Pass {
	if c.NoControl {
		return []Pass{Reference, RoundRobin, Restart}
	}
	return []Pass{Reference, Control, RoundRobin, Restart}
}

// Run sends the journey through every pass, each on fresh instances, and
// compares each step's response with the reference. It returns an error
// when it could not do that: an instance that does not start, a journey
// that does not fit the service, a run over its time.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg = cfg.withDefaults()
	if cfg.Journey == nil || cfg.Command.Path == "" {
		return nil, errors.New("replicas: a journey and a command are needed")
	}
	if err := cfg.Journey.Validate(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeoutCause(ctx, cfg.Timeout, fmt.Errorf("the run did not finish within %s", cfg.Timeout))
	defer cancel()
	h, err := newHarness(cfg)
	if err != nil {
		return nil, err
	}
	defer h.close()
	results := map[Pass][]stepResult{}
	for _, pass := range cfg.passes() {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "statelint-replicas: %s pass on %d instance(s)\n", pass, instances(pass, cfg.Replicas))
		}
		res, err := h.pass(ctx, pass)
		if err != nil {
			return nil, fmt.Errorf("%s pass: %w", pass, err)
		}
		results[pass] = res
	}
	if err := checkReference(cfg.Journey, results[Reference]); err != nil {
		return nil, err
	}
	return newReport(cfg, results), nil
}

// harness holds what lives for a whole run: the proxy and its address.
type harness struct {
	cfg    Config
	proxy  *Proxy
	server *http.Server
	base   string
}

func newHarness(cfg Config) (*harness, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	h := &harness{cfg: cfg, proxy: NewProxy(), base: "http://" + l.Addr().String()}
	h.server = &http.Server{Handler: h.proxy, ReadHeaderTimeout: cfg.StepTimeout}
	go h.server.Serve(l)
	return h, nil
}

func (h *harness) close() {
	h.server.Close()
	h.proxy.Close()
}

// stepResult is what one step of a pass got, and where it went.
type stepResult struct {
	resp      *response
	served    int
	restarted int
	missing   []string // captures that found nothing
}

// pass runs the journey once on fresh instances.
func (h *harness) pass(ctx context.Context, pass Pass) ([]stepResult, error) {
	g, err := startGroup(ctx, h.cfg, instances(pass, h.cfg.Replicas))
	if err != nil {
		return nil, err
	}
	defer g.stop(h.cfg.StopTimeout)
	h.proxy.SetBackends(g.ports())
	client := newClient(h.cfg.StepTimeout)
	defer client.CloseIdleConnections()
	vars := map[string]string{}
	steps := h.cfg.Journey.Steps
	var out []stepResult
	for i, a := range Schedule(pass, len(steps), len(g.instances)) {
		if a.Restart >= 0 {
			if err := g.restart(ctx, h.cfg, a.Restart); err != nil {
				return nil, fmt.Errorf("restarting before %s: %w", steps[i].Label(i), err)
			}
			h.proxy.Forget()
		}
		resp := send(ctx, client, h.base, steps[i], vars, a.Serve)
		if err := context.Cause(ctx); err != nil {
			return nil, err
		}
		out = append(out, stepResult{resp: resp, served: a.Serve, restarted: a.Restart,
			missing: captureAll(steps[i], resp, vars)})
	}
	return out, nil
}

// captureAll stores the step's captures in vars and names those that
// found nothing.
func captureAll(s Step, r *response, vars map[string]string) []string {
	var missing []string
	for name, spec := range s.Capture {
		sel, _ := parseCapture(spec) // validated
		v, ok := sel.capture(r)
		if !ok {
			missing = append(missing, name)
		}
		vars[name] = v
	}
	return missing
}

// maxBody bounds what is read of one response.
const maxBody = 8 << 20

// send sends one step through the proxy to the given instance.
func send(ctx context.Context, client *http.Client, base string, s Step, vars map[string]string, serve int) *response {
	req, err := newRequest(ctx, base, s, vars)
	if err != nil {
		return &response{err: err.Error()}
	}
	req.Header.Set(ReplicaHeader, strconv.Itoa(serve+1))
	resp, err := client.Do(req)
	if err != nil {
		return &response{err: strings.ReplaceAll(err.Error(), base, "")}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return &response{err: "reading the body: " + err.Error()}
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: body}
}

func newRequest(ctx context.Context, base string, s Step, vars map[string]string) (*http.Request, error) {
	var body io.Reader
	contentType := ""
	switch {
	case s.Body != "":
		body = strings.NewReader(expand(s.Body, vars))
	case len(s.Form) > 0:
		body, contentType = strings.NewReader(encodeForm(s.Form, vars)), "application/x-www-form-urlencoded"
	case s.JSON != nil:
		data, err := json.Marshal(expandJSON(jsonable(s.JSON), vars))
		if err != nil {
			return nil, err
		}
		body, contentType = bytes.NewReader(data), "application/json"
	}
	req, err := http.NewRequestWithContext(ctx, s.method(), base+expand(s.Path, vars), body)
	if err != nil {
		return nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range s.Headers {
		req.Header.Set(expand(k, vars), expand(v, vars))
	}
	return req, nil
}

// checkReference rejects a reference pass that shows the journey does not
// fit the service: a request that failed, a status other than the step
// expects, a capture that found nothing.
func checkReference(j *Journey, ref []stepResult) error {
	for i, r := range ref {
		s := j.Steps[i]
		switch {
		case r.resp.err != "":
			return fmt.Errorf("reference: %s failed: %s", s.Label(i), r.resp.err)
		case s.Status != 0 && r.resp.status != s.Status:
			return fmt.Errorf("reference: %s answered %d, the journey expects %d: %s", s.Label(i), r.resp.status, s.Status, excerpt(r.resp.body))
		case len(r.missing) > 0:
			return fmt.Errorf("reference: %s: capture %s found nothing in %d %s", s.Label(i), strings.Join(r.missing, ", "), r.resp.status, excerpt(r.resp.body))
		}
	}
	return nil
}
