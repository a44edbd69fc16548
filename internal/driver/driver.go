// Package driver is the statelint command: one binary that go vet runs as
// its -vettool and that people and CI run on their own.
//
// Under go vet the work is unitchecker's, and nothing here may write to
// stdout: go vet reads the tool's stdout (as JSON with go vet -json). On its
// own the driver loads packages with go/packages, runs the analyzers with
// go/analysis/checker and writes text, JSON or SARIF, optionally against a
// baseline of accepted findings.
package driver

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/statelint/statelint/internal/driver/checks"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

// Exit codes of the standalone driver. Under go vet, unitchecker's own
// conventions apply.
const (
	exitClean    = 0 // no findings
	exitError    = 1 // a package failed to load or type-check, or I/O failed
	exitUsage    = 2 // bad flags or arguments
	exitFindings = 3 // findings not accepted by the baseline
)

// vetGCPercent is the garbage collector's target under go vet.
const vetGCPercent = 400

// Main runs statelint with the given analyzers and exits. It never returns.
func Main(analyzers []*analysis.Analyzer) {
	if IsVetInvocation(os.Args[1:]) {
		wrapped := vetAnalyzers(analyzers) // also registers the driver's flags, which every unit is passed
		if last := os.Args[len(os.Args)-1]; strings.HasSuffix(last, ".cfg") {
			if u, ok := readUnit(last); ok && u.VetxOnly {
				if typesOnly(u) {
					os.Exit(0)
				}
				// Only the facts of a VetxOnly unit are kept: skip the
				// checks that export none.
				wrapped = factAnalyzers(analyzers)
			}
		}
		// A unit lives for one package and its heap is mostly SSA that
		// stays live to the end: collecting four times less often saves
		// about a tenth of the wall time on large modules, and the peak
		// stays well below go vet's own (docs/performance.md). GOGC, when
		// set, still rules.
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(vetGCPercent)
		}
		unitchecker.Main(wrapped...) // exits
	}
	os.Exit(Run(analyzers, os.Args[1:], os.Stdout, os.Stderr))
}

// vetAnalyzers wraps the analyzers for go vet. Its text output prints a
// message alone, so the message names its check and kind at the end, as
// the standalone driver's text does. Since Go 1.26 go vet always asks the
// tool for JSON and formats the text itself, so the tool cannot tell the
// two apart: go vet -json messages carry the tag too. The -generated flag
// is registered where unitchecker parses its flags, and listed by -flags
// so that go vet passes it on.
func vetAnalyzers(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	opts := &checks.Options{Tag: true}
	flag.BoolVar(&opts.Generated, "generated", false, "also report findings in generated files")
	return checks.Wrap(analyzers, opts)
}

// IsVetInvocation reports whether args are those of go vet's -vettool
// protocol: -V=full to identify the tool, -flags to list its flags, or
// flags followed by a single unit.cfg file. Package patterns never end in
// .cfg, so this cannot capture a standalone run.
func IsVetInvocation(args []string) bool {
	cfgs := 0
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case strings.HasPrefix(a, "-") && (name == "V" || name == "flags"):
			return true
		case strings.HasSuffix(a, ".cfg"):
			cfgs++
		}
	}
	return cfgs == 1 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Run is the standalone driver: it analyses the packages named by args,
// writes findings to stdout and problems to stderr, and returns the exit
// code.
func Run(analyzers []*analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	cfg, err := parseFlags(analyzers, args)
	if err != nil {
		fmt.Fprintf(stderr, "statelint: %v\nRun 'statelint -help' for usage.\n", err)
		return exitUsage
	}
	switch {
	case cfg.help:
		usage(stdout, analyzers)
		return exitClean
	case cfg.version:
		writeVersion(stdout)
		return exitClean
	case len(cfg.explain) > 0:
		for i, name := range cfg.explain {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			if err := explain(stdout, analyzers, name); err != nil {
				fmt.Fprintf(stderr, "statelint: %v\n", err)
				return exitUsage
			}
		}
		return exitClean
	}
	r := &runner{cfg: cfg, stdout: stdout, stderr: stderr}
	return r.run()
}
