package driver_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

func TestExplain(t *testing.T) {
	dir := e2eModule(t)
	for _, tc := range []struct {
		args []string
		want []string // in this order
	}{
		{[]string{"-explain", "memstore"}, []string{"memstore: report in-memory", "Wrong:", "Right:", "//statelint:ignore", "\nsession: in-memory session store\n\tWhat breaks: ", "docs/memstore.md#session\n", "Online: https://"}},
		{[]string{"-explain", "memstore/session"}, []string{"memstore/session: in-memory session store\n\n\tWhat breaks: a user logged in", "\tInstead: keep sessions in Redis", "docs/memstore.md#session\n", "memstore: report in-memory", "Wrong:"}},
		{[]string{"-explain=session"}, []string{"memstore/session: in-memory session store\n"}},
		{[]string{"help", "globalstate/counter"}, []string{"globalstate/counter: in-process counter\n", "globalstate: report"}},
		{[]string{"help"}, []string{"Usage:", "-explain check", "Checks:\n\tglobalstate"}},
		{[]string{"-help"}, []string{"Usage:", "-format string", "Checks:"}},
		{[]string{"-h"}, []string{"Usage:"}},
	} {
		res := realTool.run(t, dir, tc.args...)
		if res.code != 0 || res.stderr != "" {
			t.Errorf("statelint %q: exit %d, stderr:\n%s", tc.args, res.code, res.stderr)
		}
		out := res.stdout
		for _, w := range tc.want {
			i := strings.Index(out, w)
			if i < 0 {
				t.Errorf("statelint %q lacks %q (in order) in:\n%s", tc.args, w, res.stdout)
				break
			}
			out = out[i+len(w):]
		}
	}
	for _, tc := range []struct {
		arg, want string
	}{
		{"nosuch", `-explain: unknown check "nosuch" (known: globalstate, memstore, fswrite, requestorder, singlereplica, suppress)`},
		{"memstore/counter", `-explain: memstore has no kind "counter" (its kinds: cache, session,`},
	} {
		res := realTool.run(t, dir, "-explain", tc.arg)
		if res.code != 2 || !strings.Contains(res.stderr, tc.want) || res.stdout != "" {
			t.Errorf("-explain %s: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.arg, res.code, res.stdout, res.stderr, tc.want)
		}
	}
}

// TestFlagsAfterPatterns checks that flags may follow the patterns, as in
// golangci-lint, and that "--" ends the flags.
func TestFlagsAfterPatterns(t *testing.T) {
	dir := e2eModule(t)
	before := fakeTool.run(t, dir, "-format=json", "-checks=fakestate", "./...")
	after := fakeTool.run(t, dir, "./...", "-format=json", "-checks", "fakestate")
	if after.code != 3 || after.stdout != before.stdout || after.stderr != before.stderr {
		t.Errorf("flags after the patterns: exit %d, stdout:\n%s\nstderr:\n%s\nwant as before them:\n%s", after.code, after.stdout, after.stderr, before.stdout)
	}
	if res := fakeTool.run(t, dir, "--", "-format=json"); res.code != 1 || !strings.Contains(res.stderr, "-format=json") {
		t.Errorf(`after "--", -format=json is a pattern: exit %d, stderr:\n%s`, res.code, res.stderr)
	}
}

// TestBadFlag checks that a mistyped flag is reported once, with a hint,
// and not followed by the whole usage.
func TestBadFlag(t *testing.T) {
	res := fakeTool.run(t, e2eModule(t), "-formt=json", "./...")
	want := "statelint: flag provided but not defined: -formt\nRun 'statelint -help' for usage.\n"
	if res.code != 2 || res.stderr != want || res.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", res.code, res.stdout, res.stderr, want)
	}
}

// TestVersion builds statelint from a commit of this tree, as go install
// does from a clone, and checks that -version and SARIF report the module
// version and revision the toolchain recorded.
func TestVersion(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	clone := t.TempDir()
	if err := os.CopyFS(clone, os.DirFS(repo)); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(clone, ".git"))
	os.RemoveAll(filepath.Join(clone, "bin"))
	bin := filepath.Join(t.TempDir(), "statelint")
	for _, args := range [][]string{
		{"git", "init", "-q"},
		{"git", "add", "."},
		{"git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "release"},
		{"go", "build", "-buildvcs=true", "-o", bin, "./cmd/statelint"},
	} {
		if res := runCmd(t, clone, nil, args[0], args[1:]...); res.code != 0 {
			t.Fatalf("%q: exit %d\n%s", args, res.code, res.stderr)
		}
	}
	info := runCmd(t, clone, nil, "go", "version", "-m", bin).stdout
	modVersion := regexp.MustCompile(`(?m)^\tmod\t\S+\t(\S+)`).FindStringSubmatch(info)
	revision := regexp.MustCompile(`(?m)^\tbuild\tvcs.revision=(\S+)`).FindStringSubmatch(info)
	if modVersion == nil || revision == nil || !strings.HasPrefix(modVersion[1], "v0.0.0-") {
		t.Fatalf("go version -m recorded no pseudo-version and revision:\n%s", info)
	}
	tl := tool{name: "clone", path: bin}
	res := tl.run(t, clone, "-version")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "statelint "+modVersion[1]+"\nrevision "+revision[1]+", ") {
		t.Errorf("-version: exit %d, stdout:\n%s\nwant version %s and revision %s", res.code, res.stdout, modVersion[1], revision[1])
	}
	log, err := sarif.FromString(tl.run(t, e2eModule(t), "-format=sarif", "./...").stdout)
	if err != nil {
		t.Fatal(err)
	}
	if v := log.Runs[0].Tool.Driver.Version; v == nil || *v != strings.TrimPrefix(modVersion[1], "v") {
		t.Errorf("SARIF tool version %v, want %s", v, modVersion[1])
	}
}

// TestClearErrors checks that a missing -C directory, and patterns that
// name no Go files, say exactly that, once, without a "does not
// type-check" that would send the user looking for a compile error.
func TestClearErrors(t *testing.T) {
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "empty", "README"), "no Go here\n")
	writeFile(t, filepath.Join(dir, "tagged", "t.go"), "//go:build never\n\npackage tagged\n")
	for _, tc := range []struct {
		args []string
		code int
		want string // the whole of stderr
	}{
		{[]string{"-C", "/missing/dir", "./..."}, 2, "statelint: -C /missing/dir: directory does not exist\nRun 'statelint -help' for usage.\n"},
		{[]string{"-C", "main.go", "./..."}, 2, "statelint: -C " + filepath.Join(dir, "main.go") + ": not a directory\nRun 'statelint -help' for usage.\n"},
		{[]string{"./nosuch"}, 1, "statelint: ./nosuch: stat " + filepath.Join(dir, "nosuch") + ": directory not found\n"},
		{[]string{"./empty"}, 1, "statelint: ./empty: no Go files in " + filepath.Join(dir, "empty") + "\n"},
		{[]string{"./tagged"}, 1, "statelint: example.com/drivere2e/tagged: build constraints exclude all Go files in " + filepath.Join(dir, "tagged") + "\n"},
		{[]string{"./empty/..."}, 1, "statelint: ./empty/... matched no packages\n"},
	} {
		res := fakeTool.run(t, dir, tc.args...)
		if res.code != tc.code || res.stderr != tc.want {
			t.Errorf("statelint %q: exit %d, stderr:\n%s\nwant exit %d and:\n%s", tc.args, res.code, res.stderr, tc.code, tc.want)
		}
	}
	// The packages that exist are still analysed.
	res := fakeTool.run(t, dir, "./empty", ".")
	if res.code != 1 || !strings.Contains(res.stdout, "main.go:40:2: ") {
		t.Errorf("./empty .: exit %d, stdout:\n%s", res.code, res.stdout)
	}
}

// TestSARIFIncomplete checks that a run with a package that does not
// type-check records an unsuccessful invocation with the error, and a
// clean run a successful one.
func TestSARIFIncomplete(t *testing.T) {
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "broken", "broken.go"), "package broken\n\nvar X int = \"x\"\n")
	for _, tc := range []struct {
		pattern string
		code    int
		ok      bool
	}{
		{".", 3, true},
		{"./...", 1, false},
	} {
		res := fakeTool.run(t, dir, "-format=sarif", tc.pattern)
		log, err := sarif.FromString(res.stdout)
		if err != nil || res.code != tc.code {
			t.Fatalf("%s: exit %d, %v\n%s", tc.pattern, res.code, err, res.stderr)
		}
		if err := log.Validate(); err != nil {
			t.Errorf("%s: schema: %v", tc.pattern, err)
		}
		invs := log.Runs[0].Invocations
		if len(invs) != 1 || invs[0].ExecutionSuccessful == nil || *invs[0].ExecutionSuccessful != tc.ok {
			t.Fatalf("%s: invocations %+v, want one with executionSuccessful %v", tc.pattern, invs, tc.ok)
		}
		var notes []string
		for _, n := range invs[0].ToolExecutionNotifications {
			notes = append(notes, n.Level+": "+*n.Message.Text)
		}
		want := ""
		if !tc.ok {
			want = `error: example.com/drivere2e/broken: broken/broken.go:3:13: cannot use "x"`
		}
		if got := strings.Join(notes, "\n"); !strings.HasPrefix(got, want) || (want == "") != (got == "") {
			t.Errorf("%s: notifications:\n%s\nwant %q first", tc.pattern, got, want)
		}
		if !tc.ok && len(log.Runs[0].Results) == 0 {
			t.Errorf("%s: the packages that type-check lost their results", tc.pattern)
		}
	}
}

// TestSummary checks the closing line of a text run, on stderr, and that
// JSON and SARIF runs keep stderr for problems.
func TestSummary(t *testing.T) {
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "lib", "lib.go"), "package lib\n\nvar n int\n\nfunc Bump() { n++ }\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"./..."}, "3 findings in 2 packages: 3 fakestate\n"},
		{[]string{"./lib"}, "1 finding in 1 package: 1 fakestate\n"},
		{[]string{"-exclude=*.go", "./..."}, "no findings in 2 packages\n"},
		{[]string{"-format=json", "./..."}, ""},
		{[]string{"-format=sarif", "./..."}, ""},
	} {
		if res := fakeTool.run(t, dir, tc.args...); res.stderr != tc.want {
			t.Errorf("statelint %q: stderr %q, want %q", tc.args, res.stderr, tc.want)
		}
	}
	// With a baseline that accepts two findings, one of them gone.
	fakeTool.run(t, dir, "-write-baseline=b.json", "./...")
	writeFile(t, filepath.Join(dir, "lib", "lib.go"), "package lib\n\nvar m int\n\nfunc Bump() { m++ }\n")
	res := fakeTool.run(t, dir, "-baseline=b.json", "./...")
	want := "1 finding in 2 packages: 1 fakestate; 2 accepted by the baseline, 1 stale entry\n"
	if !strings.HasSuffix(res.stderr, "\n"+want) {
		t.Errorf("with a baseline: stderr:\n%s\nwant it to end with %q", res.stderr, want)
	}
}

// TestProgress runs statelint at a terminal (a pty made by script(1)):
// a run longer than a few seconds shows a progress line on stderr and
// erases it before the summary. Every other test runs with stderr a pipe,
// and checks that stderr holds no such line.
func TestProgress(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("no script(1) to make a terminal")
	}
	dir, err := filepath.Abs("../../testdata/shop")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res := runCmd(t, dir, nil, "script", "-qec", realTool.path+" ./... >/dev/null", "/dev/null")
	if time.Since(start) < 5*time.Second {
		t.Skipf("the run took %v, too short to show progress", time.Since(start))
	}
	out := res.stdout
	if !strings.Contains(out, "\r\033[Kstatelint: analysing ") && !strings.Contains(out, "\r\033[Kstatelint: loading packages, ") {
		t.Errorf("no progress line at the terminal:\n%q", out)
	}
	if !regexp.MustCompile("\r\033\\[K\\d+ findings in \\d+ packages: [^\r\033]*\r\n$").MatchString(out) {
		t.Errorf("the progress line is not erased before the summary:\n%q", out)
	}
}
