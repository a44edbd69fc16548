// Command golangci-lint-statelint is golangci-lint v2 with the statelint
// module plugin linked in, built from the module proxy alone.
//
// It is what `golangci-lint custom` generates from .custom-gcl.yml, done by
// hand: that command clones golangci-lint with git, writes a plugins.go
// that blank-imports each plugin into cmd/golangci-lint, and builds. Here
// golangci-lint comes from the module proxy as an ordinary dependency
// (see go.mod), and this file is its cmd/golangci-lint/main.go plus the
// blank import. Build it with `make golangci`.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// The plugin registers itself as "statelint" in init.
	_ "github.com/statelint/statelint/plugin"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo reports the golangci-lint version linked in, since this
// module's own version says nothing about which linter runs.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	info.BuildInfo = bi
	for _, dep := range bi.Deps {
		if dep.Path == "github.com/golangci/golangci-lint/v2" {
			info.Version = dep.Version[1:] + "-statelint"
		}
	}
	return info
}
