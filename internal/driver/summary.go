package driver

import (
	"fmt"
	"io"
	"strings"

	"github.com/statelint/statelint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A summary is the closing line of a text run on stderr:
//
//	12 findings in 4 packages: 5 memstore, 7 globalstate; 3 accepted by the baseline, 2 stale entries
type summary struct {
	packages int // packages analysed
	findings []report.Finding
	baseline bool // a baseline was applied
	accepted int  // findings the baseline accepted
	stale    int  // baseline entries that matched nothing
}

func (s summary) write(w io.Writer, analyzers []*analysis.Analyzer) {
	var b strings.Builder
	switch len(s.findings) {
	case 0:
		b.WriteString("no findings")
	default:
		b.WriteString(plural(len(s.findings), "finding", "findings"))
	}
	fmt.Fprintf(&b, " in %s", plural(s.packages, "package", "packages"))
	count := make(map[string]int)
	for _, f := range s.findings {
		count[f.Check]++
	}
	var parts []string
	for _, a := range analyzers {
		if n := count[a.Name]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, a.Name))
		}
	}
	if len(parts) > 0 {
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	if s.baseline {
		fmt.Fprintf(&b, "; %d accepted by the baseline", s.accepted)
		if s.stale > 0 {
			b.WriteString(", " + plural(s.stale, "stale entry", "stale entries"))
		}
	}
	fmt.Fprintln(w, b.String())
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// countPackages counts the packages among roots, a package and its test
// variants ("p", "p [p.test]", "p_test", "p.test") once.
func countPackages(roots []*packages.Package) int {
	seen := make(map[string]bool)
	for _, p := range roots {
		path := strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")
		seen[path] = true
	}
	return len(seen)
}
