package driver_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeOwnService follows the README's "On your own service" commands
// on a machine where statelint is not installed: the go vet command must
// fail rather than run plain go vet, and work once the install command ran
// in the clone.
func TestReadmeOwnService(t *testing.T) {
	install, vet := readmeCommands(t)
	modcache := goEnv(t, "GOMODCACHE")
	env := []string{"GOPATH=" + t.TempDir(), "GOBIN=", "GOMODCACHE=" + modcache}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	before := runCmd(t, e2eModule(t), env, "sh", "-c", vet)
	if before.code == 0 || !strings.Contains(before.stderr, "no such file or directory") {
		t.Errorf("%s without statelint installed: exit %d, stderr:\n%s\nwant a failure", vet, before.code, before.stderr)
	}
	if res := runCmd(t, repo, env, "sh", "-c", install); res.code != 0 {
		t.Fatalf("%s in the clone: exit %d\n%s", install, res.code, res.stderr)
	}
	after := runCmd(t, e2eModule(t), env, "sh", "-c", vet)
	if after.code != 1 || !strings.Contains(after.stderr, "main.go:40:2: in-process counter hits") {
		t.Errorf("%s after installing: exit %d, stderr:\n%s\nwant the findings", vet, after.code, after.stderr)
	}
}

// readmeCommands returns the install and go vet commands of the README's
// "On your own service" block, without their comments.
func readmeCommands(t *testing.T) (install, vet string) {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, _ := strings.Cut(string(data), "On your own service:\n\n```sh\n")
	block, _, _ = strings.Cut(block, "```")
	for _, line := range strings.Split(block, "\n") {
		cmd, _, _ := strings.Cut(line, " #")
		switch cmd = strings.TrimSpace(cmd); {
		case strings.HasPrefix(cmd, "go install "):
			install = cmd
		case strings.HasPrefix(cmd, "go vet "):
			vet = cmd
		}
	}
	if install == "" || vet == "" {
		t.Fatalf("README has no install and go vet commands under \"On your own service\":\n%s", block)
	}
	return install, vet
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// TestDocsVettool checks that every -vettool command in the docs and the
// usage names the tool by a path, which go vet fails on when it is
// missing, and never by $(command -v statelint), which is empty then.
func TestDocsVettool(t *testing.T) {
	files, err := filepath.Glob("../../docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{"usage": fakeTool.run(t, ".", "-help").stdout}
	for _, name := range append(files, "../../README.md", "../../cmd/statelint/main.go") {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts[name] = string(data)
	}
	command := regexp.MustCompile("go vet -vettool=(\"[^\"]*\"|[^\\s`]*)")
	good := regexp.MustCompile(`^("\$\(go env GOPATH\)/bin/statelint"|"\$\(go env GOBIN\)/statelint"|\.\.\.|statelint|"\$tool"|"\$repo/bin/statelint")$`)
	for name, text := range texts {
		for _, m := range command.FindAllStringSubmatch(text, -1) {
			if !good.MatchString(m[1]) {
				t.Errorf("%s: %s: name the tool by its path, as \"$(go env GOPATH)/bin/statelint\"", name, m[0])
			}
		}
	}
}
