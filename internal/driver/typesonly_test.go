package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/statelint/statelint/internal/scope"
)

// TestTypesOnly checks, on every standard-library unit that go vet runs
// for the e2e module's imports, that the types typesOnly writes from the
// declarations alone are byte for byte those of a type check with
// bodies, which is what unitchecker writes.
func TestTypesOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	tool := freshCopy(t)
	// The test binary is the driver with the driver tests' fake analyzer
	// (main_test.go), so the units go vet runs here take typesOnly.
	cmd := exec.Command("go", "vet", "-work", "-vettool="+tool, "./...")
	cmd.Dir = "../../testdata/driver-e2e"
	cmd.Env = append(os.Environ(), "STATELINT_DRIVER_TEST_FAKE_MAIN=1")
	out, _ := cmd.CombinedOutput()
	m := regexp.MustCompile(`(?m)^WORK=(.+)$`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("go vet -work printed no WORK directory:\n%s", out)
	}
	work := string(m[1])
	defer os.RemoveAll(work)
	cfgs, err := filepath.Glob(filepath.Join(work, "*", "vet.cfg"))
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, file := range cfgs {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var u unit
		if err := json.Unmarshal(data, &u); err != nil {
			t.Fatal(err)
		}
		if !u.VetxOnly || !scope.IsStd(u.ImportPath) {
			continue
		}
		decls, err := u.exportTypes(false)
		if err != nil {
			t.Errorf("%s: declarations only: %v", u.ImportPath, err)
			continue
		}
		full, err := u.exportTypes(true)
		if err != nil {
			t.Errorf("%s: with bodies: %v", u.ImportPath, err)
			continue
		}
		if !bytes.Equal(decls, full) {
			t.Errorf("%s: the types of the declarations alone (%d bytes) differ from those checked with bodies (%d bytes)", u.ImportPath, len(decls), len(full))
		}
		compared++
	}
	if compared < 20 {
		t.Fatalf("compared %d standard-library units; want at least 20", compared)
	}
}

// freshCopy copies the test binary, with the time appended, to a file go
// vet has never run: a vet tool's cache key is the hash of its
// executable, and a replay from go vet's result cache runs no units.
func freshCopy(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, fmt.Sprintf("\n#nonce %d\n", time.Now().UnixNano())...)
	tool := filepath.Join(t.TempDir(), "statelint")
	if err := os.WriteFile(tool, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return tool
}
