package driver_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestVet runs the tool as go vet's -vettool and checks that it finds what
// the standalone driver finds, with the same [check/kind] at the end of
// each line.
func TestVet(t *testing.T) {
	eachTool(t, func(t *testing.T, tl tool) { vetAgrees(t, tl, e2eModule(t)) })
}

// TestVetCrossPackage checks that both drivers report a write in another
// package at the call that leads to it, and that two pieces of state of
// that package reached through one call are one finding naming both, not
// one lost in the other. go vet hands facts over encoded; the standalone
// driver hands over the exporter's values, positions and all.
func TestVetCrossPackage(t *testing.T) {
	if !realTool.reports {
		t.Skip("the real statelint reports nothing on testdata/driver-e2e")
	}
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "ledger", "ledger.go"), `package ledger

var entries []string

var seen = map[string]bool{}

func Record(s string) {
	entries = append(entries, s)
	seen[s] = true
}
`)
	writeHandler(t, dir, "ledger", "ledger.Record", "/audit")
	wantOneAt(t, vetAgrees(t, realTool, dir), "api/api.go:10:15: ", "ledger.entries (with ledger.seen)")
}

// TestVetIgnoredTwoDown checks that both drivers honour a directive on a
// declaration in a package the handler reaches only through another one,
// two imports up, where go vet does not hand over the declaring package's
// Ignored fact: the summaries above must leave the ignored state out.
func TestVetIgnoredTwoDown(t *testing.T) {
	if !realTool.reports {
		t.Skip("the real statelint reports nothing on testdata/driver-e2e")
	}
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "ledger", "ledger.go"), `package ledger

//statelint:ignore mirrored to the audit database by a sidecar
var entries []string

func Record(s string) { entries = append(entries, s) }
`)
	writeFile(t, filepath.Join(dir, "audit", "audit.go"), `package audit

import "example.com/drivere2e/ledger"

func Note(s string) { ledger.Record(s) }
`)
	writeHandler(t, dir, "audit", "audit.Note", "/note")
	for _, l := range vetAgrees(t, realTool, dir) {
		if strings.HasPrefix(l, "api/") {
			t.Errorf("finding on ignored state: %s", l)
		}
	}
}

// vetAgrees checks that go vet with tl as its -vettool reports in dir what
// the standalone driver reports, without writing to stdout, which go vet
// reads, and returns the findings.
func vetAgrees(t *testing.T, tl tool, dir string) []string {
	t.Helper()
	vet := tl.vet(t, dir, "./...")
	if vet.stdout != "" {
		t.Errorf("go vet -vettool wrote to stdout:\n%s", vet.stdout)
	}
	var fromVet []string
	for _, l := range strings.Split(vet.stderr, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") && !strings.Contains(l, ": \t") {
			fromVet = append(fromVet, strings.TrimPrefix(l, "./"))
		}
	}
	// Both name the check and kind at the end of the line.
	var standalone []string
	for _, l := range strings.Split(tl.run(t, dir, "./...").stdout, "\n") {
		if l != "" && !strings.HasPrefix(l, "\t") {
			standalone = append(standalone, l)
		}
	}
	slices.Sort(fromVet)
	slices.Sort(standalone)
	if !slices.Equal(fromVet, standalone) || len(fromVet) == 0 {
		t.Errorf("go vet found:\n%s\nstandalone found:\n%s", strings.Join(fromVet, "\n"), strings.Join(standalone, "\n"))
	}
	return standalone
}

// writeHandler writes package api of the e2e module: one handler, at
// route, that passes the request path to call of the module's package pkg.
func writeHandler(t *testing.T, dir, pkg, call, route string) {
	t.Helper()
	writeFile(t, filepath.Join(dir, "api", "api.go"), `package api

import (
	"net/http"

	"example.com/drivere2e/`+pkg+`"
)

func handle(w http.ResponseWriter, r *http.Request) {
	`+call+`(r.URL.Path)
}

func Register(mux *http.ServeMux) { mux.HandleFunc("`+route+`", handle) }
`)
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
}

// TestTypeErrors checks that a package that does not type-check, and one
// that imports it, are named and skipped, while the rest is analysed.
func TestTypeErrors(t *testing.T) {
	dir := copyModule(t)
	writeFile(t, filepath.Join(dir, "broken", "broken.go"), "package broken\n\nvar X int = \"x\"\n")
	writeFile(t, filepath.Join(dir, "user", "user.go"), "package user\n\nimport \"example.com/drivere2e/broken\"\n\nvar Y = broken.X\n")
	res := fakeTool.run(t, dir, "./...")
	if res.code != 1 {
		t.Errorf("exit %d, want 1", res.code)
	}
	for _, want := range []string{
		"statelint: example.com/drivere2e/broken: broken/broken.go:3:13: cannot use \"x\"",
		"statelint: skipping example.com/drivere2e/broken: it does not type-check\n",
		"statelint: skipping example.com/drivere2e/user: its dependency example.com/drivere2e/broken does not type-check\n",
	} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.stderr)
		}
	}
	if !strings.Contains(res.stdout, "package variable hits is written in handleHit") {
		t.Errorf("the package that type-checks was not analysed; stdout:\n%s", res.stdout)
	}
	if res := fakeTool.run(t, dir, "-write-baseline=b.json", "./..."); res.code != 1 {
		t.Errorf("-write-baseline with errors: exit %d, want 1", res.code)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.json")); err == nil {
		t.Errorf("-write-baseline wrote a baseline of an incomplete analysis")
	}
}

func TestUsage(t *testing.T) {
	dir := e2eModule(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "no packages named"},
		{[]string{"-format=xml", "./..."}, 2, `unknown -format "xml"`},
		{[]string{"-checks=nosuch", "./..."}, 2, `-checks: unknown check "nosuch" (known: fakestate)`},
		{[]string{"-baseline=a", "-write-baseline=b", "./..."}, 2, "cannot be used together"},
		{[]string{"-baseline=missing.json", "./..."}, 1, "missing.json"},
		{[]string{"./nosuchdir"}, 1, "nosuchdir"},
	} {
		res := fakeTool.run(t, dir, tc.args...)
		if res.code != tc.code || !strings.Contains(res.stderr, tc.want) || res.stdout != "" {
			t.Errorf("statelint %q: exit %d, stdout %q, stderr:\n%s\nwant exit %d and %q", tc.args, res.code, res.stdout, res.stderr, tc.code, tc.want)
		}
	}
	// Help asked for is the output, on stdout, as for the Go tools.
	for _, arg := range []string{"-h", "-help", "--help"} {
		res := fakeTool.run(t, dir, arg)
		if res.code != 0 || !strings.Contains(res.stdout, "Usage:") || res.stderr != "" {
			t.Errorf("statelint %s: exit %d, stderr %q, stdout:\n%s\nwant exit 0 and the usage on stdout", arg, res.code, res.stderr, res.stdout)
		}
	}
}

// TestFlags checks -C, -checks, -json, -tags and -test.
func TestFlags(t *testing.T) {
	dir := e2eModule(t)
	inDir := fakeTool.run(t, dir, "./...")
	fromC := fakeTool.run(t, t.TempDir(), "-C", dir, "./...")
	if fromC.stdout != inDir.stdout || fromC.code != 3 {
		t.Errorf("-C: exit %d, stdout:\n%s\nwant as run in the module:\n%s", fromC.code, fromC.stdout, inDir.stdout)
	}
	if res := fakeTool.run(t, dir, "-checks=fakestate", "./..."); res.stdout != inDir.stdout {
		t.Errorf("-checks=fakestate:\n%s", res.stdout)
	}
	if a, b := fakeTool.run(t, dir, "-json", "./..."), fakeTool.run(t, dir, "-format=json", "./..."); a.stdout != b.stdout {
		t.Errorf("-json and -format=json differ")
	}
	tagged := copyModule(t)
	writeFile(t, filepath.Join(tagged, "tagged.go"), "//go:build e2etag\n\npackage main\n\nvar tagged int\n\nfunc init() { tagged++ }\n")
	if res := fakeTool.run(t, tagged, "./..."); strings.Contains(res.stdout, "tagged") {
		t.Errorf("a file behind a build tag was analysed without -tags:\n%s", res.stdout)
	}
	if res := fakeTool.run(t, tagged, "-tags=e2etag", "./..."); !strings.Contains(res.stdout, "tagged.go:7:15: package variable tagged is written in init") {
		t.Errorf("-tags=e2etag did not analyse tagged.go:\n%s", res.stdout)
	}
	// Without tests the finding comes from the plain package only.
	withTests := fakeTool.run(t, dir, "-json", "./...")
	noTests := fakeTool.run(t, dir, "-json", "-test=false", "./...")
	if withTests.stdout != noTests.stdout || noTests.code != 3 {
		t.Errorf("-test=false changed findings in non-test files:\n%s\nvs\n%s", noTests.stdout, withTests.stdout)
	}
}

// TestVetIgnoredPerCheck checks that both drivers honour a directive that
// names its check on a declaration in an imported package, and only for
// that check.
func TestVetIgnoredPerCheck(t *testing.T) {
	if !realTool.reports {
		t.Skip("the real statelint reports nothing on testdata/driver-e2e")
	}
	for _, tc := range []struct {
		check string
		want  bool // whether the finding on ledger.entries remains
	}{
		{"memstore", false},
		{"globalstate", true},
	} {
		dir := copyModule(t)
		writeFile(t, filepath.Join(dir, "ledger", "ledger.go"), `package ledger

var entries []string //statelint:ignore `+tc.check+` mirrored to the audit database by a sidecar

func Record(s string) { entries = append(entries, s) }
`)
		writeHandler(t, dir, "ledger", "ledger.Record", "/audit")
		found := false
		for _, l := range vetAgrees(t, realTool, dir) {
			found = found || strings.HasPrefix(l, "api/") && strings.Contains(l, "ledger.entries")
			// The directive is used where ledger is imported.
			if strings.HasPrefix(l, "ledger/") {
				t.Errorf("//statelint:ignore %s: %s", tc.check, l)
			}
		}
		if found != tc.want {
			t.Errorf("//statelint:ignore %s on ledger.entries: finding in api %v, want %v", tc.check, found, tc.want)
		}
	}
}
