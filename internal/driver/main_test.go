package driver_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/statelint/statelint/internal/driver"
	"golang.org/x/tools/go/analysis"
)

// fakeMainEnv makes the test binary act as a statelint built with
// fakeAnalyzer, so tests can run it standalone and as go vet's -vettool.
const fakeMainEnv = "STATELINT_DRIVER_TEST_FAKE_MAIN"

// A tool is a statelint binary under test.
type tool struct {
	name    string
	path    string
	env     []string
	reports bool // whether its analyzers report anything on the e2e module
}

var (
	// realTool is cmd/statelint with passes.All, built by TestMain.
	realTool tool
	// fakeTool is this test binary with fakeAnalyzer.
	fakeTool tool
)

func TestMain(m *testing.M) {
	if os.Getenv(fakeMainEnv) == "1" {
		driver.Main([]*analysis.Analyzer{fakeAnalyzer})
	}
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "statelint-driver-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "statelint")
	build := exec.Command("go", "build", "-o", bin, "github.com/statelint/statelint/cmd/statelint")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building statelint: %v\n%s", err, out)
		return 1
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	realTool = tool{name: "real", path: bin, reports: reports(bin)}
	fakeTool = tool{name: "fake", path: self, env: []string{fakeMainEnv + "=1"}, reports: true}
	return m.Run()
}

// reports says whether the statelint at bin finds anything in the e2e
// module, once, rather than in every test: the real passes take seconds.
func reports(bin string) bool {
	cmd := exec.Command(bin, "./...")
	cmd.Dir = "../../testdata/driver-e2e"
	err := cmd.Run()
	var exit *exec.ExitError
	return errors.As(err, &exit) && exit.ExitCode() == 3
}

// result is what one run of a tool printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// run runs the tool with args in dir.
func (tl tool) run(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(t, dir, tl.env, tl.path, args...)
}

// vet runs go vet with the tool as its -vettool in dir.
func (tl tool) vet(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCmd(t, dir, tl.env, "go", append([]string{"vet", "-vettool=" + tl.path}, args...)...)
}

func runCmd(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

// eachTool runs f as a subtest for the fake tool and for the real one;
// the real one is skipped while its passes report nothing.
func eachTool(t *testing.T, f func(t *testing.T, tl tool)) {
	for _, tl := range []tool{fakeTool, realTool} {
		t.Run(tl.name, func(t *testing.T) {
			if !tl.reports {
				// The real passes were placeholders until the engine
				// landed; the fake tool covers the driver meanwhile.
				t.Skipf("%s statelint reports no findings on testdata/driver-e2e; skipping until it does", tl.name)
			}
			f(t, tl)
		})
	}
}

// e2eModule is the module the driver tests run on.
func e2eModule(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../testdata/driver-e2e")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// copyModule copies the e2e module to a fresh directory the test may edit.
func copyModule(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(e2eModule(t))); err != nil {
		t.Fatal(err)
	}
	return dst
}
