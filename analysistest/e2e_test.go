package analysistest_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// statelint is the binary built once for the end-to-end tests.
var statelint string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "statelint-e2e")
	if err != nil {
		panic(err)
	}
	statelint = filepath.Join(dir, "statelint")
	build := exec.Command("go", "build", "-o", statelint, "github.com/statelint/statelint/cmd/statelint")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// vetDiag is one diagnostic of go vet -json.
type vetDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

// TestGoVetExample runs the binary through go vet -vettool on the example
// shop, a multi-package module, and compares the findings with its
// expected.txt. go vet -json parses the tool's stdout: anything else
// printed there breaks the decoding below.
func TestGoVetExample(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "shop")
	cmd := exec.Command("go", "vet", "-vettool="+statelint, "-json", "./...")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go vet -json: %v\n%s", err, stderr.String())
	}
	got := decodeVetJSON(t, &stdout, dir)
	want := readExpected(t, filepath.Join(dir, "expected.txt"))
	if !slices.Equal(got, want) {
		t.Errorf("findings differ\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestGoVetExitStatus checks the plain go vet mode: findings on stderr,
// nothing on stdout, and a failing exit status.
func TestGoVetExitStatus(t *testing.T) {
	cmd := exec.Command("go", "vet", "-vettool="+statelint, "./...")
	cmd.Dir = filepath.Join(analysistest.TestData(), "shop")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("go vet exit: %v, want status 1\n%s", err, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout not empty: %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), `in-memory session store Server.sessions is written by handler for "POST /login"`) {
		t.Errorf("stderr lacks the session finding:\n%s", stderr.String())
	}
}

func decodeVetJSON(t *testing.T, r io.Reader, dir string) []string {
	t.Helper()
	var out []string
	dec := json.NewDecoder(r)
	for {
		var pkgs map[string]map[string]json.RawMessage
		if err := dec.Decode(&pkgs); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("stdout is not a stream of go vet JSON objects: %v", err)
		}
		for _, byCheck := range pkgs {
			for check, raw := range byCheck {
				var diags []vetDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s: %s", check, raw) // an error object from the tool
				}
				for _, d := range diags {
					file, line := splitPosn(d.Posn, dir)
					out = append(out, fmt.Sprintf("%s:%s: %s/%s", file, line, check, d.Category))
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

func splitPosn(posn, dir string) (string, string) {
	parts := strings.Split(posn, ":")
	file, _ := filepath.Rel(dir, parts[0])
	return filepath.ToSlash(file), parts[1]
}

func readExpected(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	slices.Sort(out)
	return out
}

// decodeVetMessages maps "file:line" to the messages reported there.
func decodeVetMessages(t *testing.T, r io.Reader, dir string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	dec := json.NewDecoder(r)
	for {
		var pkgs map[string]map[string]json.RawMessage
		if err := dec.Decode(&pkgs); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("stdout is not a stream of go vet JSON objects: %v", err)
		}
		for _, byCheck := range pkgs {
			for check, raw := range byCheck {
				var diags []vetDiag
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s: %s", check, raw)
				}
				for _, d := range diags {
					file, line := splitPosn(d.Posn, dir)
					key := file + ":" + line
					out[key] = append(out[key], d.Message)
				}
			}
		}
	}
	return out
}
