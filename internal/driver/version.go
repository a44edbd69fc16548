package driver

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// A buildVersion is what the Go toolchain recorded about this binary: the
// module version (a release, a pseudo-version when installed from a
// clone, or "(devel)") and the VCS revision it was built from.
type buildVersion struct {
	module   string
	revision string
	time     string
	modified bool
}

func readBuildVersion() buildVersion {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return buildVersion{module: "(devel)"}
	}
	v := buildVersion{module: info.Main.Version}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.revision = s.Value
		case "vcs.time":
			v.time = s.Value
		case "vcs.modified":
			v.modified = s.Value == "true"
		}
	}
	return v
}

// writeVersion prints the version the way go version -m shows a binary's.
func writeVersion(w io.Writer) {
	v := readBuildVersion()
	fmt.Fprintf(w, "statelint %s\n", v.module)
	if v.revision != "" {
		mod := ""
		if v.modified {
			mod = " (modified)"
		}
		fmt.Fprintf(w, "revision %s, %s%s\n", v.revision, v.time, mod)
	}
	fmt.Fprintf(w, "built with %s\n", runtime.Version())
}

// version is the module version for SARIF, without the "v" (SARIF
// consumers compare versions that start with a number), or "" when the
// build recorded none.
func version() string {
	if v := readBuildVersion().module; v != "(devel)" && v != "" {
		return strings.TrimPrefix(v, "v")
	}
	return ""
}
