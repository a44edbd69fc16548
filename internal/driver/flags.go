package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/statelint/statelint/internal/driver/checks"
	"golang.org/x/tools/go/analysis"
)

// A config is one standalone run, read from the command line into a value
// rather than into package variables, so that Run can be called again.
type config struct {
	dir           string // absolute directory to run in (-C)
	format        string // text, json or sarif
	baseline      string // accepted findings to filter out
	writeBaseline string // where to record today's findings
	analyzers     []*analysis.Analyzer
	tags          string
	tests         bool
	generated     bool     // also report findings in generated files
	exclude       []string // globs of file names whose findings are dropped
	patterns      []string
	inventory     bool // write the state inventory instead of findings

	// Instead of a run:
	help    bool     // -help, or the help subcommand without arguments
	explain []string // -explain, or help CHECK: checks or kinds to document
	version bool     // -version
}

var formats = []string{"text", "json", "sarif"}

// inventoryFormats are the formats of -inventory: text is Markdown.
var inventoryFormats = []string{"text", "markdown", "json"}

// parseFlags reads the command line. Its errors are usage errors.
func parseFlags(analyzers []*analysis.Analyzer, args []string) (*config, error) {
	cfg := new(config)
	if len(args) > 0 && args[0] == "help" {
		// The go/analysis drivers' help subcommand, which go vet's own
		// errors point to.
		cfg.explain = args[1:]
		cfg.help = len(cfg.explain) == 0
		return cfg, nil
	}
	var checkList string
	fs := newFlagSet(cfg, &checkList)
	patterns, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	if cfg.help || cfg.version || len(cfg.explain) > 0 {
		return cfg, nil
	}
	switch {
	case cfg.inventory && !slices.Contains(inventoryFormats, cfg.format):
		return nil, fmt.Errorf("-inventory writes markdown or json, not %q", cfg.format)
	case !cfg.inventory && !slices.Contains(formats, cfg.format):
		return nil, fmt.Errorf("unknown -format %q (want one of %s)", cfg.format, strings.Join(formats, ", "))
	case cfg.inventory && cfg.writeBaseline != "":
		return nil, errors.New("-inventory and -write-baseline cannot be used together")
	case cfg.inventory && checkList != "":
		return nil, errors.New("-inventory lists the findings of every check; it cannot be used with -checks")
	}
	if cfg.baseline != "" && cfg.writeBaseline != "" {
		return nil, errors.New("-baseline and -write-baseline cannot be used together")
	}
	var names []string
	if checkList != "" {
		names = strings.Split(checkList, ",")
	}
	if cfg.analyzers, err = checks.Select(analyzers, names); err != nil {
		return nil, fmt.Errorf("-checks: %w", err)
	}
	if cfg.dir, err = filepath.Abs(cfg.dir); err != nil {
		return nil, err
	}
	switch info, err := os.Stat(cfg.dir); {
	case os.IsNotExist(err):
		return nil, fmt.Errorf("-C %s: directory does not exist", cfg.dir)
	case err != nil:
		return nil, fmt.Errorf("-C: %w", err)
	case !info.IsDir():
		return nil, fmt.Errorf("-C %s: not a directory", cfg.dir)
	}
	if cfg.patterns = patterns; len(cfg.patterns) == 0 {
		return nil, errors.New("no packages named (try ./...)")
	}
	return cfg, nil
}

// newFlagSet defines the standalone driver's flags, bound to cfg.
func newFlagSet(cfg *config, checkList *string) *flag.FlagSet {
	fs := flag.NewFlagSet("statelint", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseFlags prints an error once; -help prints the usage to stdout
	fs.Usage = func() {}
	fs.StringVar(&cfg.format, "format", "text", "output format: "+strings.Join(formats, ", ")+"; with -inventory, markdown or json")
	fs.BoolFunc("json", "same as -format=json", func(string) error { cfg.format = "json"; return nil })
	fs.StringVar(&cfg.baseline, "baseline", "", "report only findings not recorded in this baseline `file`; with -inventory, mark the state they add")
	fs.StringVar(&cfg.writeBaseline, "write-baseline", "", "record all findings in this baseline `file` and exit")
	fs.BoolVar(&cfg.inventory, "inventory", false, "write the service's state inventory (Markdown, or JSON with -format=json) instead of findings")
	fs.StringVar(checkList, "checks", "", "comma-separated `checks` to run (default all)")
	fs.StringVar(&cfg.dir, "C", ".", "run in `dir`; relative file names are resolved there")
	fs.StringVar(&cfg.tags, "tags", "", "comma-separated build `tags`, as for go build")
	fs.BoolVar(&cfg.tests, "test", true, "also analyse test files")
	fs.BoolVar(&cfg.generated, "generated", false, "also report findings in generated files (// Code generated ... DO NOT EDIT.)")
	fs.Func("exclude", "drop findings in files matching `glob` (relative to -C; a directory excludes what is under it); repeatable", func(s string) error {
		if _, err := path.Match(s, ""); err != nil {
			return fmt.Errorf("bad pattern %q", s)
		}
		cfg.exclude = append(cfg.exclude, s)
		return nil
	})
	fs.Func("explain", "print the documentation of a `check` or check/kind, e.g. memstore/session, and exit", func(s string) error {
		cfg.explain = append(cfg.explain, s)
		return nil
	})
	fs.BoolVar(&cfg.version, "version", false, "print statelint's version and exit")
	fs.BoolVar(&cfg.help, "help", false, "print this help and exit")
	fs.BoolVar(&cfg.help, "h", false, "same as -help")
	return fs
}

// parse parses flags wherever they appear, before or after the package
// patterns (statelint ./... -format=json), as golangci-lint does, and
// returns the patterns. Everything after "--" is a pattern.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var patterns []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(patterns, rest...), nil
		}
		if len(rest) == 0 {
			return patterns, nil
		}
		patterns = append(patterns, rest[0])
		args = rest[1:]
	}
}

// usage writes the help that -help prints, to stdout as the Go tools do.
func usage(w io.Writer, analyzers []*analysis.Analyzer) {
	fmt.Fprint(w, `statelint finds hidden server state in Go web services.

Usage:
	statelint [flags] packages... [flags]   # standalone, e.g. statelint ./...
	statelint -explain check[/kind]          # what a check finds, and how to fix or suppress it
	statelint help [check[/kind]]
	go vet -vettool="$(go env GOPATH)/bin/statelint" packages...

Exit status: 0 no findings, 3 findings, 1 errors, 2 bad usage.

Flags:
`)
	var checkList string
	fs := newFlagSet(new(config), &checkList)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintln(w, "\nChecks:")
	for _, a := range analyzers {
		fmt.Fprintf(w, "\t%-13s %s\n", a.Name, title(a))
	}
}

// title is the first line of an analyzer's Doc without its "name: "
// prefix, the lowercase verb phrase the house style asks for.
func title(a *analysis.Analyzer) string {
	first, _, _ := strings.Cut(a.Doc, "\n")
	return strings.TrimPrefix(first, a.Name+": ")
}
