package driver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// newState is a handler with a package-level counter: state every statelint
// (the real passes and the fake) reports.
const newState = `
var orders int

func handleOrder(w http.ResponseWriter, r *http.Request) {
	orders++
	fmt.Fprintln(w, orders)
}
`

func appendFile(t *testing.T, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

func TestBaseline(t *testing.T) {
	eachTool(t, func(t *testing.T, tl tool) {
		dir := copyModule(t)
		all := tl.run(t, dir, "./...")

		res := tl.run(t, dir, "-write-baseline=baseline.json", "./...")
		if res.code != 0 || res.stdout != "" {
			t.Fatalf("-write-baseline: exit %d, stdout %q, stderr:\n%s", res.code, res.stdout, res.stderr)
		}
		var b struct {
			Version  int
			Findings []struct{ Count int }
		}
		data, err := os.ReadFile(filepath.Join(dir, "baseline.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &b); err != nil || b.Version != 1 || len(b.Findings) == 0 {
			t.Fatalf("baseline %s: %v", data, err)
		}

		accepted := fmt.Sprintf("no findings in 1 package; %d accepted by the baseline\n", len(b.Findings))
		if res := tl.run(t, dir, "-baseline=baseline.json", "./..."); res.code != 0 || res.stdout != "" || res.stderr != accepted {
			t.Errorf("-baseline on unchanged code: exit %d, stdout %q, stderr %q; want only the summary %q", res.code, res.stdout, res.stderr, accepted)
		}

		// Moving every declaration down keeps the baseline valid.
		insertLines(t, filepath.Join(dir, "main.go"), "\n// Moved.\n\n")
		if res := tl.run(t, dir, "-baseline=baseline.json", "./..."); res.code != 0 {
			t.Errorf("-baseline after moving code: exit %d, stdout:\n%s", res.code, res.stdout)
		}

		// New state fails, and is the only finding reported.
		appendFile(t, filepath.Join(dir, "main.go"), newState)
		res = tl.run(t, dir, "-baseline=baseline.json", "./...")
		if res.code != 3 || !strings.Contains(res.stdout, "orders") || strings.Contains(res.stdout, "hits") {
			t.Errorf("-baseline after adding state: exit %d, stdout:\n%s\nwant only the orders finding (all findings were:\n%s)", res.code, res.stdout, all.stdout)
		}
	})
}

func TestBaselineStale(t *testing.T) {
	eachTool(t, func(t *testing.T, tl tool) {
		dir := copyModule(t)
		tl.run(t, dir, "-write-baseline=baseline.json", "./...")
		// Accept one more finding than there is.
		data, err := os.ReadFile(filepath.Join(dir, "baseline.json"))
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(strings.Replace(string(data), `"count": 1`, `"count": 2`, 1))
		if err := os.WriteFile(filepath.Join(dir, "baseline.json"), data, 0o666); err != nil {
			t.Fatal(err)
		}
		res := tl.run(t, dir, "-baseline=baseline.json", "./...")
		lines := strings.SplitAfter(res.stderr, "\n")
		if res.code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], "stale baseline entry: main.go: ") ||
			!regexp.MustCompile(`^no findings in 1 package; \d+ accepted by the baseline, 1 stale entry\n$`).MatchString(lines[1]) {
			t.Errorf("exit %d, stderr:\n%s\nwant one stale entry in main.go, then the summary", res.code, res.stderr)
		}
	})
}

// TestGitHistory adopts statelint on a service with a baseline in one
// commit; a later commit that adds a stateful handler fails the check
// with that handler's finding and no other.
func TestGitHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	eachTool(t, func(t *testing.T, tl tool) {
		dir := copyModule(t)
		git := func(args ...string) {
			t.Helper()
			cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v\n%s", args, err, out)
			}
		}
		git("init", "-q")
		if res := tl.run(t, dir, "-write-baseline=.statelint-baseline.json", "./..."); res.code != 0 {
			t.Fatalf("-write-baseline: exit %d\n%s", res.code, res.stderr)
		}
		git("add", ".")
		git("commit", "-q", "-m", "service with accepted state")

		appendFile(t, filepath.Join(dir, "main.go"), newState)
		git("commit", "-q", "-am", "add orders handler")

		res := tl.run(t, dir, "-baseline=.statelint-baseline.json", "./...")
		lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
		if res.code != 3 || !strings.Contains(lines[0], "orders") {
			t.Fatalf("exit %d, stdout:\n%s\nwant the orders finding", res.code, res.stdout)
		}
		for _, l := range lines[1:] {
			if !strings.HasPrefix(l, "\t") {
				t.Errorf("more than the new finding: %q", l)
			}
		}
	})
}

// TestWriteBaselineSafety checks that -write-baseline never replaces a file
// that is not a baseline, fails before the analysis when it cannot write,
// leaves no temporary file behind, and replaces an existing baseline.
func TestWriteBaselineSafety(t *testing.T) {
	dir := copyModule(t)
	for _, name := range []string{"main.go", "go.mod"} {
		before, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		res := fakeTool.run(t, dir, "-write-baseline="+name, "./...")
		if res.code != 2 || !strings.Contains(res.stderr, "refusing to overwrite "+filepath.Join(dir, name)+": it exists and is not a statelint baseline") {
			t.Errorf("-write-baseline=%s: exit %d, stderr:\n%s\nwant exit 2 and a refusal", name, res.code, res.stderr)
		}
		if after, _ := os.ReadFile(filepath.Join(dir, name)); !bytes.Equal(before, after) {
			t.Errorf("-write-baseline=%s changed the file", name)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o777); err != nil {
		t.Fatal(err)
	}
	if res := fakeTool.run(t, dir, "-write-baseline=out", "./..."); res.code != 2 || !strings.Contains(res.stderr, "not a regular file") {
		t.Errorf("-write-baseline=out (a directory): exit %d\n%s", res.code, res.stderr)
	}
	res := fakeTool.run(t, dir, "-write-baseline=nosuchdir/b.json", "./...")
	if res.code != 1 || !strings.Contains(res.stderr, "cannot write baseline") || strings.Contains(res.stderr, "recorded") {
		t.Errorf("-write-baseline into a missing directory: exit %d, stderr:\n%s", res.code, res.stderr)
	}
	// An existing baseline, even an out-of-date one, is replaced.
	writeFile(t, filepath.Join(dir, "b.json"), `{"version": 1, "findings": []}`)
	if err := os.Chmod(filepath.Join(dir, "b.json"), 0o640); err != nil {
		t.Fatal(err)
	}
	if res := fakeTool.run(t, dir, "-write-baseline=b.json", "./..."); res.code != 0 {
		t.Fatalf("rewriting a baseline: exit %d\n%s", res.code, res.stderr)
	}
	info, err := os.Stat(filepath.Join(dir, "b.json"))
	if err != nil || info.Mode().Perm() != 0o640 || info.Size() < 40 {
		t.Errorf("rewritten baseline: %v, %v; want the new findings with the old mode", info, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
