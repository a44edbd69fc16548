package driver

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/statelint/statelint/internal/driver/checks"
	"github.com/statelint/statelint/internal/report"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A runner carries one standalone run's configuration and its
// problems, whose presence decides the exit code.
type runner struct {
	cfg      *config
	stdout   io.Writer
	stderr   io.Writer
	problems []string // what went wrong, for stderr and SARIF
	progress *progress
}

func (r *runner) errorf(format string, args ...any) {
	if r.progress != nil {
		r.progress.clear()
	}
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(r.stderr, "statelint: %s\n", msg)
	r.problems = append(r.problems, msg)
}

func (r *runner) run() int {
	// Read the baseline first: a bad one should fail before the analysis.
	var base *report.Baseline
	if r.cfg.baseline != "" {
		b, err := r.readBaseline()
		if err != nil {
			r.errorf("%v", err)
			return exitError
		}
		base = &b
	}
	// Open the baseline to write first too: an unwritable directory, or a
	// target that is not a baseline, should fail before the analysis.
	var out *atomicFile
	if r.cfg.writeBaseline != "" {
		f, err := createBaseline(r.path(r.cfg.writeBaseline))
		if err != nil {
			r.errorf("%v", err)
			if errors.Is(err, errRefused) {
				return exitUsage
			}
			return exitError
		}
		defer f.abort() // a no-op once committed
		out = f
	}
	if r.cfg.inventory {
		return r.inventory(base)
	}
	pkgs, findings, err := r.loadAndAnalyze()
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	if out != nil {
		return r.recordBaseline(out, findings)
	}
	sum := summary{packages: countPackages(pkgs)}
	if base != nil {
		all := len(findings)
		findings, sum.stale = r.applyBaseline(*base, findings)
		sum.baseline, sum.accepted = true, all-len(findings)
	}
	if err := r.write(findings); err != nil {
		r.errorf("writing output: %v", err)
	}
	// Text is read by a person, who wants to know what the run covered;
	// JSON and SARIF are read by tools, and stderr stays for problems.
	if r.cfg.format == "text" && sum.packages > 0 {
		sum.findings = findings
		sum.write(r.stderr, r.cfg.analyzers)
	}
	switch {
	case len(r.problems) > 0:
		return exitError
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// startProgress shows the progress line at a terminal, from loading the
// packages on; the function it returns erases it for good.
func (r *runner) startProgress() (end func()) {
	r.progress = newProgress(r.stderr, progressDelay)
	stop := make(chan struct{})
	if r.progress.w != nil {
		go r.progress.tick(stop)
	}
	r.progress.begin("loading packages", 0)
	return func() {
		close(stop)
		r.progress.end()
	}
}

// loadAndAnalyze is the long part of a run, which shows its progress at a
// terminal.
func (r *runner) loadAndAnalyze() ([]*packages.Package, []report.Finding, error) {
	defer r.startProgress()()
	pkgs, err := r.load()
	if err != nil {
		return nil, nil, err
	}
	r.progress.begin(fmt.Sprintf("analysing %s", plural(countPackages(pkgs), "package", "packages")), len(pkgs)*len(r.cfg.analyzers))
	return pkgs, r.analyze(pkgs), nil
}

// analyze runs the analyzers on the packages that type-check and returns
// their findings, sorted and without duplicates. An analyzer that fails on
// a package is an error, but does not hide the other findings.
func (r *runner) analyze(pkgs []*packages.Package) []report.Finding {
	if len(pkgs) == 0 {
		return nil
	}
	analyzers := checks.Wrap(r.cfg.analyzers, &checks.Options{Generated: r.cfg.generated, Done: r.progress.step})
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		r.errorf("%v", err)
		return nil
	}
	var findings []report.Finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			r.errorf("%s: %s: %v", act.Package.ID, act.Analyzer.Name, act.Err)
			continue
		}
		for _, d := range act.Diagnostics {
			if f := r.finding(act.Analyzer, act.Package, d); !r.excluded(f.Pos.File) {
				findings = append(findings, f)
			}
		}
	}
	return report.Normalize(findings)
}

// recordBaseline writes today's findings as the baseline. A run with
// errors saw only part of the code, so its baseline would miss findings
// that later resurface; it is not written.
func (r *runner) recordBaseline(out *atomicFile, findings []report.Finding) int {
	if len(r.problems) > 0 {
		fmt.Fprintf(r.stderr, "statelint: not writing %s: analysis was incomplete\n", r.cfg.writeBaseline)
		return exitError
	}
	if err := report.WriteBaseline(out, report.NewBaseline(findings)); err != nil {
		r.errorf("writing %s: %v", r.cfg.writeBaseline, err)
		return exitError
	}
	if err := out.commit(); err != nil {
		r.errorf("writing %s: %v", r.cfg.writeBaseline, err)
		return exitError
	}
	fmt.Fprintf(r.stderr, "statelint: recorded %d findings in %s\n", len(findings), r.cfg.writeBaseline)
	return exitClean
}

func (r *runner) readBaseline() (report.Baseline, error) {
	f, err := os.Open(r.path(r.cfg.baseline))
	if err != nil {
		return report.Baseline{}, err
	}
	defer f.Close()
	b, err := report.ReadBaseline(f)
	if err != nil {
		return report.Baseline{}, fmt.Errorf("%s: %w", r.cfg.baseline, err)
	}
	return b, nil
}

// applyBaseline drops the findings the baseline accepts and lists the
// entries nothing matched any more, so the baseline can be shrunk. After
// an error part of the code went unanalysed, and its entries would look
// stale when they are not.
func (r *runner) applyBaseline(b report.Baseline, findings []report.Finding) (fresh []report.Finding, stale int) {
	fresh, entries := b.Filter(findings)
	if len(r.problems) > 0 {
		return fresh, 0
	}
	for _, e := range entries {
		if !r.excluded(e.File) { // its findings were not looked for
			fmt.Fprintf(r.stderr, "stale baseline entry: %s\n", e)
			stale++
		}
	}
	return fresh, stale
}

func (r *runner) write(findings []report.Finding) error {
	var buf bytes.Buffer
	var err error
	switch r.cfg.format {
	case "json":
		err = report.WriteJSON(&buf, findings)
	case "sarif":
		err = report.WriteSARIF(&buf, findings, report.SARIFOptions{
			Root:    r.cfg.dir,
			Version: version(),
			Checks:  sarifChecks(r.cfg.analyzers),
			Errors:  r.problems,
		})
	default:
		err = report.WriteText(&buf, findings)
	}
	if err != nil {
		return err
	}
	_, err = r.stdout.Write(buf.Bytes())
	return err
}

// path resolves a file named on the command line against the -C directory.
func (r *runner) path(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(r.cfg.dir, name)
}

func sarifChecks(analyzers []*analysis.Analyzer) []report.Check {
	var cs []report.Check
	for _, a := range analyzers {
		cs = append(cs, report.Check{Name: a.Name, Title: title(a), URL: a.URL})
	}
	return cs
}

// excluded reports whether -exclude drops the findings in file, a name
// relative to the run's directory. As in .gitignore, a glob without a
// slash matches any element of the name (-exclude='*_mock.go',
// -exclude=gen), and one with a slash matches the whole name or a
// directory it is under (-exclude=internal/gen).
func (r *runner) excluded(file string) bool {
	for _, glob := range r.cfg.exclude {
		glob = strings.TrimSuffix(glob, "/")
		for p := file; p != "." && p != "/" && p != ""; p = path.Dir(p) {
			target := p
			if !strings.Contains(glob, "/") {
				target = path.Base(p)
			}
			if ok, _ := path.Match(glob, target); ok {
				return true
			}
		}
	}
	return false
}
