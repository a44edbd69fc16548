package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
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
	patterns      []string
}

var formats = []string{"text", "json", "sarif"}

func parseFlags(analyzers []*analysis.Analyzer, args []string, stderr io.Writer) (*config, error) {
	cfg := new(config)
	fs := flag.NewFlagSet("statelint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.format, "format", "text", "output format: "+strings.Join(formats, ", "))
	fs.BoolFunc("json", "same as -format=json", func(string) error { cfg.format = "json"; return nil })
	fs.StringVar(&cfg.baseline, "baseline", "", "report only findings not recorded in this baseline `file`")
	fs.StringVar(&cfg.writeBaseline, "write-baseline", "", "record all findings in this baseline `file` and exit")
	checkList := fs.String("checks", "", "comma-separated `checks` to run (default all)")
	fs.StringVar(&cfg.dir, "C", ".", "run in `dir`; relative file names are resolved there")
	fs.StringVar(&cfg.tags, "tags", "", "comma-separated build `tags`, as for go build")
	fs.BoolVar(&cfg.tests, "test", true, "also analyse test files")
	fs.Usage = func() { usage(fs, analyzers) }
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if !slices.Contains(formats, cfg.format) {
		return nil, fmt.Errorf("unknown -format %q (want one of %s)", cfg.format, strings.Join(formats, ", "))
	}
	if cfg.baseline != "" && cfg.writeBaseline != "" {
		return nil, errors.New("-baseline and -write-baseline cannot be used together")
	}
	var err error
	var names []string
	if *checkList != "" {
		names = strings.Split(*checkList, ",")
	}
	if cfg.analyzers, err = checks.Select(analyzers, names); err != nil {
		return nil, fmt.Errorf("-checks: %w", err)
	}
	if cfg.dir, err = filepath.Abs(cfg.dir); err != nil {
		return nil, err
	}
	if cfg.patterns = fs.Args(); len(cfg.patterns) == 0 {
		fs.Usage()
		return nil, errors.New("no packages named (try ./...)")
	}
	return cfg, nil
}

func usage(fs *flag.FlagSet, analyzers []*analysis.Analyzer) {
	w := fs.Output()
	fmt.Fprint(w, `statelint finds hidden server state in Go web services.

Usage:
	statelint [flags] packages...         # standalone, e.g. statelint ./...
	go vet -vettool="$(go env GOPATH)/bin/statelint" packages...

Exit status: 0 no findings, 3 findings, 1 errors, 2 bad usage.

Flags:
`)
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
