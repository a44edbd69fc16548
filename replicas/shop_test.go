package replicas_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statelint/statelint/replicas"
)

// buildService builds the module in testdata/dir into a temporary directory.
func buildService(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "service")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = filepath.Join("..", "testdata", dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building testdata/%s: %v\n%s", dir, err, out)
	}
	return bin
}

func loadJourney(t *testing.T, dir string) *replicas.Journey {
	t.Helper()
	j, err := replicas.LoadJourney(filepath.Join("..", "testdata", dir, "journey.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// TestShopDiverges runs the stateful example shop: its replicas lose the
// session and the cart, so both compared passes differ at "show cart".
func TestShopDiverges(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the example shop")
	}
	cfg := replicas.Config{
		Journey:  loadJourney(t, "shop"),
		Command:  replicas.Command{Path: buildService(t, "shop"), Args: []string{"-addr", "{addr}"}, Env: []string{"DATABASE_URL="}},
		Replicas: 3,
		Findings: shopFindings(t),
	}
	rep, err := replicas.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if rep.Match {
		t.Fatalf("the shop matched the reference:\n%s", text.String())
	}
	for _, p := range rep.Passes {
		if p.First == nil || p.First.Step != 4 {
			t.Errorf("%s pass: first difference %+v, want step 4 (show cart)\n%s", p.Pass, p.First, text.String())
		}
	}
	for _, want := range []string{
		`step 4 "show cart" GET /cart: 200 "<li>book</li><li>pen</li>" on one instance, 200 with an empty body when step 1 went to replica 1, step 2 to replica 2, step 3 to replica 3 and step 4 to replica 1`,
		`api/handlers.go:34:`,
		`api/handlers.go:19:12: in-memory session store Server.sessions is written by handler for "POST /login" [memstore/session]`,
	} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, text.String())
		}
	}
	t.Log(text.String())
}

// TestShopHAR runs a journey recorded in a browser: the request to another
// origin is left out and the recorded cookies are the jar's business, so
// the shop differs at the third request, GET /cart.
func TestShopHAR(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the example shop")
	}
	j, err := replicas.LoadJourney(filepath.Join("testdata", "shop.har"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := replicas.Config{Journey: j, Command: replicas.Command{Path: buildService(t, "shop"), Args: []string{"-addr", "{addr}"}}}
	rep, err := replicas.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if d := rep.Passes[0].First; d == nil || d.Label != "step 3 GET /cart" {
		t.Errorf("first difference %+v, want step 3 GET /cart", d)
	}
}

func shopFindings(t *testing.T) []replicas.Finding {
	f, err := os.Open(filepath.Join("testdata", "shop-findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	findings, err := replicas.ReadFindings(f)
	if err != nil {
		t.Fatal(err)
	}
	return findings
}

// TestShopRedisMatches runs the stateless twin, which keeps everything in
// a redis-server started for the test: every pass matches the reference,
// and nothing differs even between two single-instance runs.
func TestShopRedisMatches(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the Redis shop")
	}
	redisURL := startRedis(t)
	cfg := replicas.Config{
		Journey:  loadJourney(t, "shop-redis"),
		Command:  replicas.Command{Path: buildService(t, "shop-redis"), Args: []string{"-addr", "{addr}"}, Env: []string{"REDIS_URL=" + redisURL}},
		Replicas: 3,
	}
	rep, err := replicas.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if !rep.Match || len(rep.Noise) > 0 {
		t.Errorf("the Redis shop differs from the reference, or from itself:\n%s", text.String())
	}
}

// startRedis starts redis-server on a free loopback port, without
// persistence, for the test's lifetime.
func startRedis(t *testing.T) string {
	t.Helper()
	server, err := exec.LookPath("redis-server")
	switch {
	case err != nil && os.Getenv("CI") != "":
		t.Fatal("redis-server is not installed: .ci/run installs it")
	case err != nil:
		t.Skip("redis-server is not installed (apt-get install redis-server); CI installs it")
	}
	port := freePort(t)
	cmd := exec.Command(server, "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	waitPort(t, "127.0.0.1:"+port)
	return "redis://127.0.0.1:" + port + "/0"
}
