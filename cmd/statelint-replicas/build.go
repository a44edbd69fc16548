package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/statelint/statelint/internal/driver"
	"github.com/statelint/statelint/passes"
	"github.com/statelint/statelint/replicas"
)

// build builds pkg into a temporary directory that cleanup removes, and
// returns the binary and the directory of pkg's module. A directory is
// built from inside it, so it may belong to any module; anything else is
// an import path built from the current directory.
func build(ctx context.Context, pkg string) (bin, module string, cleanup func(), err error) {
	dir, target := ".", pkg
	if fi, err := os.Stat(pkg); err == nil && fi.IsDir() {
		dir, target = pkg, "."
	}
	tmp, err := os.MkdirTemp("", "statelint-replicas-")
	if err != nil {
		return "", "", nil, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	bin = filepath.Join(tmp, "service")
	if _, err := goCmd(ctx, dir, "build", "-o", bin, target); err != nil {
		cleanup()
		return "", "", nil, fmt.Errorf("building %s: %v", pkg, err)
	}
	module, _ = goCmd(ctx, dir, "list", "-f", "{{with .Module}}{{.Dir}}{{end}}", target)
	return bin, strings.TrimSpace(module), cleanup, nil
}

func goCmd(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %v\n%s", args[0], err, stderr.String())
	}
	return stdout.String(), nil
}

// lint runs statelint in process on every package of the module in dir.
// A module that statelint cannot fully analyse still gives the findings of
// the packages it could; what went wrong is said on stderr.
func lint(dir string, stderr io.Writer) ([]replicas.Finding, error) {
	var out, problems bytes.Buffer
	status := driver.Run(passes.All, []string{"-C", dir, "-format=json", "./..."}, &out, &problems)
	if status != 0 && status != 3 {
		fmt.Fprintf(stderr, "statelint-replicas: statelint on %s (exit %d):\n%s", dir, status, problems.String())
	}
	if out.Len() == 0 {
		return nil, nil
	}
	findings, err := replicas.ReadFindings(&out)
	if err != nil {
		return nil, err
	}
	return fromHere(dir, findings), nil
}

// fromHere names the findings' files from the current directory, as the
// -build and -lint arguments are.
func fromHere(dir string, findings []replicas.Finding) []replicas.Finding {
	wd, err := os.Getwd()
	if err != nil {
		return findings
	}
	rel, err := filepath.Rel(wd, dir)
	if err != nil || rel == "." {
		return findings
	}
	for i := range findings {
		findings[i].Posn = filepath.ToSlash(rel) + "/" + findings[i].Posn
	}
	return findings
}
