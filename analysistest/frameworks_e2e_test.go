package analysistest_test

import (
	"bytes"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// TestGoVetFrameworks runs the binary through go vet on a module that
// depends on the real framework modules (fetched from the module proxy),
// so that a stub under testdata/src that drifts from the real API shows
// up here. The module is made from the analysistest cases themselves
// (frameworkModule): their // want comments are what must be reported,
// and nothing else is.
func TestGoVetFrameworks(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads the framework modules")
	}
	dir := frameworkModule(t)
	cmd := exec.Command("go", "vet", "-vettool="+statelint, "-json", "./...")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go vet -json: %v\n%s", err, stderr.String())
	}
	got := decodeVetMessages(t, &stdout, dir)
	wants := readWants(t, dir)
	if len(wants) == 0 {
		t.Fatal("no // want comments in the generated module")
	}
	for _, w := range wants {
		i := slices.IndexFunc(got[w.loc], w.re.MatchString)
		if i < 0 {
			t.Errorf("missing %s: %s\n\tgot: %q", w.loc, w.re, got[w.loc])
			continue
		}
		got[w.loc] = slices.Delete(got[w.loc], i, i+1)
	}
	for loc, msgs := range got {
		for _, m := range msgs {
			t.Errorf("unexpected %s: %s", loc, m)
		}
	}
}

// frameworkModule writes, in a temporary directory, the module
// example.com/frameworks: the go.mod and go.sum of testdata/frameworks-e2e,
// which pin the real frameworks, and a main package per directory listed
// in its packages.txt, copied from testdata/src/frameworks with the
// generated code of testdata/src/example.com/pb they import. Only what
// makes a package a command changes (the package clause, and "Package" to
// "Command" in its comment) and the import path of the generated code, so
// the lines of the // want comments stay where they are.
func frameworkModule(t *testing.T) string {
	t.Helper()
	src := filepath.Join(analysistest.TestData(), "src")
	e2e := filepath.Join(analysistest.TestData(), "frameworks-e2e")
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(e2e, f), filepath.Join(dir, f), nil)
	}
	list, err := os.ReadFile(filepath.Join(e2e, "packages.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(list), "\n") {
		if pkg := strings.TrimSpace(line); pkg != "" && !strings.HasPrefix(pkg, "#") {
			copyTree(t, filepath.Join(src, "frameworks", pkg), filepath.Join(dir, pkg), asCommand)
		}
	}
	copyTree(t, filepath.Join(src, "example.com", "pb"), filepath.Join(dir, "pb"), rewritePB)
	return dir
}

var packageClause = regexp.MustCompile(`(?m)^package \w+$`)

// asCommand makes a test package a command of the generated module.
func asCommand(b []byte) []byte {
	b = bytes.Replace(b, []byte("\n// Package "), []byte("\n// Command "), 1)
	if bytes.HasPrefix(b, []byte("// Package ")) {
		b = append([]byte("// Command "), b[len("// Package "):]...)
	}
	return rewritePB(packageClause.ReplaceAll(b, []byte("package main")))
}

func rewritePB(b []byte) []byte {
	return bytes.ReplaceAll(b, []byte(`"example.com/pb/`), []byte(`"example.com/frameworks/pb/`))
}

// copyTree copies the non-test Go files of a directory tree.
func copyTree(t *testing.T, from, to string, edit func([]byte) []byte) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		copyFile(t, path, filepath.Join(to, rel), edit)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string, edit func([]byte) []byte) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		b = edit(b)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A want is one expected diagnostic: a regexp its message must match, at
// "file:line: check" as decodeVetMessages keys them, the check left out.
type want struct {
	loc string // "gin/stateful.go:22"
	re  *regexp.Regexp
}

// readWants reads the // want comments of the module's Go files, as
// analysistest does: a sequence of Go string literals after "want".
func readWants(t *testing.T, dir string) []want {
	t.Helper()
	var out []want
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(b), "\n") {
			_, rest, ok := strings.Cut(line, "// want ")
			if !ok {
				continue
			}
			for _, pat := range literals(t, rest) {
				out = append(out, want{loc: filepath.ToSlash(rel) + ":" + strconv.Itoa(i+1), re: regexp.MustCompile(pat)})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// literals returns the string literals of a want comment's text.
func literals(t *testing.T, text string) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("want", -1, len(text)), []byte(text), nil, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF || tok == token.SEMICOLON {
			return out
		}
		if tok != token.STRING {
			t.Fatalf("malformed want comment %q", text)
		}
		v, err := strconv.Unquote(lit)
		if err != nil {
			t.Fatalf("want comment %q: %v", text, err)
		}
		out = append(out, v)
	}
}
