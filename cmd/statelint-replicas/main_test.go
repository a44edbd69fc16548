package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/statelint/statelint/replicas"
)

// shopArgs run the example shop's journey, built from its directory, on
// three replicas.
func shopArgs(extra ...string) []string {
	args := append([]string{"-n", "3", "-journey", "../../testdata/shop/journey.yaml", "-build", "../../testdata/shop"}, extra...)
	return append(args, "--", "-addr", "{addr}")
}

// TestShop is the worked example of docs/replicas.md: the shop differs at
// "show cart" in both passes, and the report names the statelint findings
// on the routes of the steps so far, found by running statelint on the
// shop's module.
func TestShop(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the example shop")
	}
	var stdout, stderr bytes.Buffer
	if code := run(shopArgs(), &stdout, &stderr); code != exitDiffer {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitDiffer, stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{
		"replicas pass (3 replicas, each step on the next replica): differs first at step 4 of 7",
		`step 4 "show cart" GET /cart: 200 "<li>book</li><li>pen</li>" on one instance, 200 with an empty body when step 1 went to replica 1`,
		"restart pass (3 replicas",
		`../../testdata/shop/api/handlers.go:19:12: in-memory session store Server.sessions is written by handler for "POST /login" [memstore/session]`,
		`../../testdata/shop/api/handlers.go:27:9: in-memory session store Server.carts is written by handler for "POST /cart" [memstore/session]`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "POST /upload") {
		t.Errorf("a finding on a route the journey does not take:\n%s", out)
	}
}

// TestShopJSON checks the machine-readable report, with the findings read
// from a file as statelint -format=json writes it.
func TestShopJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the example shop")
	}
	var stdout, stderr bytes.Buffer
	args := shopArgs("-json", "-findings", "../../replicas/testdata/shop-findings.json")
	if code := run(args, &stdout, &stderr); code != exitDiffer {
		t.Fatalf("exit %d, want %d\n%s", code, exitDiffer, stderr.String())
	}
	var rep replicas.Report
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	if rep.Match || len(rep.Passes) != 2 {
		t.Fatalf("report %+v", rep)
	}
	for _, p := range rep.Passes {
		d := p.First
		if d == nil || d.Step != 4 || d.Replica != 1 || len(d.Earlier) != 3 || len(d.Findings) == 0 {
			t.Errorf("%s: first difference %+v", p.Pass, d)
		}
	}
}

// TestInstanceFails: an instance that exits at once is an error that
// shows what it printed.
func TestInstanceFails(t *testing.T) {
	script := writeScript(t, "echo 'cannot connect to the database' >&2; exit 4")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-journey", "../../testdata/shop/journey.yaml", "--", script}, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "cannot connect to the database") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
}

// TestPortNeverOpens: an instance that runs but never listens is an error
// once -start-timeout has passed.
func TestPortNeverOpens(t *testing.T) {
	script := writeScript(t, "echo starting; exec sleep 60")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-journey", "../../testdata/shop/journey.yaml", "-start-timeout", "300ms", "--", script}, &stdout, &stderr)
	if code != exitError || !strings.Contains(stderr.String(), "did not listen on 127.0.0.1:") || !strings.Contains(stderr.String(), "starting") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr.String())
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"-journey", "j.yaml"}, {"-n", "0", "-journey", "j.yaml", "--", "x"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func writeScript(t *testing.T, body string) string {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	path := filepath.Join(t.TempDir(), "server.sh")
	if err := os.WriteFile(path, []byte("#!"+sh+"\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}
