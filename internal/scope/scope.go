// Package scope says which packages statelint analyses: the module being
// checked, and modules replaced by local directories (the user's own code
// too). The standard library and versioned dependencies are described by
// the knowledge tables instead, so they get no SSA and export no facts.
package scope

import (
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IsDependency reports whether the package belongs to a module required
// at a version (downloaded, or vendored), rather than to the module being
// analysed or to one replaced by a local directory, which is the user's
// own code too.
func IsDependency(m *analysis.Module) bool {
	if m == nil || m.Version == "" {
		return false
	}
	return m.Replace == nil || m.Replace.Version != ""
}

// IsStd reports whether path is a standard-library package: its first
// element has no dot and is one the standard library uses, so that the
// short paths of test packages ("shop", "api") are not taken for it.
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if strings.Contains(first, ".") {
		return false
	}
	return stdFirst[first]
}

// stdFirst is the set of first path elements of the standard library.
var stdFirst = map[string]bool{
	"archive": true, "bufio": true, "builtin": true, "bytes": true, "cmp": true,
	"compress": true, "container": true, "context": true, "crypto": true,
	"database": true, "debug": true, "embed": true, "encoding": true,
	"errors": true, "expvar": true, "flag": true, "fmt": true, "go": true,
	"hash": true, "html": true, "image": true, "index": true, "internal": true,
	"io": true, "iter": true, "log": true, "maps": true, "math": true,
	"mime": true, "net": true, "os": true, "path": true, "plugin": true,
	"reflect": true, "regexp": true, "runtime": true, "slices": true,
	"sort": true, "strconv": true, "strings": true, "structs": true,
	"sync": true, "syscall": true, "testing": true, "text": true, "time": true,
	"unicode": true, "unique": true, "unsafe": true, "vendor": true,
	"weak": true, "cmd": true,
}
