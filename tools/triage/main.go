// Command triage reads the results of scripts/realworld/run.sh and turns
// them into something a person can judge.
//
// run.sh leaves, in its results directory, one <slug>.json per module (the
// stdout of `go vet -vettool=statelint -json`, a stream of JSON objects, one
// per vetted package) and runs.tsv, one line per module:
//
//	module  version  slug  dir  seconds  exit-code  crashed(0/1)  build-failures  skipped
//
// (skipped: packages left out because vetting a dependency crashed).
//
// Usage:
//
//	triage list      [-results DIR]                  one finding a line: module, check, category, file:line, message
//	triage summary   [-results DIR]                  table per module; also writes DIR/summary.tsv
//	triage csv       [-results DIR] [-o FILE]        accuracy template with a verdict column (keeps verdicts already in FILE)
//	triage normalize FILE.json                       one line per package, sorted, for byte-for-byte comparison
//	triage precision [-csv FILE]                     Markdown tables of the judged CSV: per module, per check, and the false findings
//
// The verdict column of the CSV takes tp (the state is real and breaks a
// second replica), fp (not hidden state, or harmless), or unsure; the notes
// column says why.
//
// Only the standard library is used, so the tool builds inside the main
// module without adding dependencies.
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	cmd, args := os.Args[1], os.Args[2:]
	var err error
	switch cmd {
	case "list":
		err = cmdList(args)
	case "summary":
		err = cmdSummary(args)
	case "csv":
		err = cmdCSV(args)
	case "normalize":
		err = cmdNormalize(args)
	case "precision":
		err = cmdPrecision(args)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "triage:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: triage list|summary|csv|normalize|precision [flags] (see package doc)")
	os.Exit(2)
}

func defaultResults() string {
	if s := os.Getenv("STATELINT_SCRATCH"); s != "" {
		return filepath.Join(s, "results")
	}
	return "/tmp/statelint-realworld/results"
}

// run is one line of runs.tsv.
type run struct {
	Module, Version, Slug, Dir string
	Seconds                    float64
	ExitCode                   int
	Crashed                    bool
	BuildFailures, Skipped     int
}

// finding is one diagnostic, positioned relative to the module root.
type finding struct {
	Module, Version, Check, Category, File string
	Line                                   int
	Message                                string
}

// pkgResult is what the vet tool printed for one package.
type pkgResult struct {
	Pkg      string
	Findings map[string][]diagnostic // by analyzer
	Errors   map[string]string       // analyzer -> error text
}

type diagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

func readRuns(dir string) ([]run, error) {
	f, err := os.Open(filepath.Join(dir, "runs.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var runs []run
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		r, err := parseRun(sc.Text())
		if err != nil {
			return nil, err
		}
		runs = append(runs, r)
	}
	return runs, sc.Err()
}

func parseRun(line string) (run, error) {
	f := strings.Split(line, "\t")
	if len(f) != 9 {
		return run{}, fmt.Errorf("runs.tsv: want 9 fields, got %d: %q", len(f), line)
	}
	secs, err1 := strconv.ParseFloat(f[4], 64)
	rc, err2 := strconv.Atoi(f[5])
	bf, err3 := strconv.Atoi(f[7])
	sk, err4 := strconv.Atoi(f[8])
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return run{}, fmt.Errorf("runs.tsv: %q: %v", line, err)
	}
	return run{f[0], f[1], f[2], f[3], secs, rc, f[6] == "1", bf, sk}, nil
}

// readPackages decodes the stream of JSON objects that `go vet -json` prints.
func readPackages(file string) ([]pkgResult, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []pkgResult
	dec := json.NewDecoder(f)
	for {
		var obj map[string]map[string]json.RawMessage
		if err := dec.Decode(&obj); err == io.EOF {
			return out, nil
		} else if err != nil {
			return out, fmt.Errorf("%s: %v", file, err)
		}
		out = append(out, decodePackage(obj)...)
	}
}

// decodePackage splits one JSON object; an empty object is a package with
// no findings and still counts as one vetted package.
func decodePackage(obj map[string]map[string]json.RawMessage) []pkgResult {
	if len(obj) == 0 {
		return []pkgResult{{}}
	}
	var out []pkgResult
	for pkg, byAnalyzer := range obj {
		pr := pkgResult{Pkg: pkg, Findings: map[string][]diagnostic{}, Errors: map[string]string{}}
		for name, raw := range byAnalyzer {
			var diags []diagnostic
			if json.Unmarshal(raw, &diags) == nil {
				pr.Findings[name] = diags
				continue
			}
			var e struct{ Error string }
			json.Unmarshal(raw, &e)
			pr.Errors[name] = e.Error
		}
		out = append(out, pr)
	}
	return out
}

func findingsOf(r run, pkgs []pkgResult) []finding {
	var out []finding
	for _, p := range pkgs {
		for check, diags := range p.Findings {
			for _, d := range diags {
				file, line := splitPosn(d.Posn, r.Dir)
				// Under go vet a message ends with its [check/kind].
				msg := strings.TrimSuffix(d.Message, " ["+check+"/"+d.Category+"]")
				out = append(out, finding{r.Module, r.Version, check, d.Category, file, line, msg})
			}
		}
	}
	return out
}

// splitPosn turns "/abs/dir/pkg/file.go:12:5" into ("pkg/file.go", 12).
func splitPosn(posn, dir string) (string, int) {
	file, line := posn, 0
	if i := strings.LastIndexByte(file, ':'); i >= 0 {
		file = file[:i] // column
	}
	if i := strings.LastIndexByte(file, ':'); i >= 0 {
		line, _ = strconv.Atoi(file[i+1:])
		file = file[:i]
	}
	if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
		file = rel
	}
	return file, line
}

func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Message < b.Message
	})
}

// loadAll reads every module's results; a module whose JSON is missing or
// unreadable is reported and skipped rather than failing the whole report.
func loadAll(dir string) ([]run, map[string][]pkgResult, error) {
	runs, err := readRuns(dir)
	if err != nil {
		return nil, nil, err
	}
	pkgs := map[string][]pkgResult{}
	for _, r := range runs {
		p, err := readPackages(filepath.Join(dir, r.Slug+".json"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "triage: warning:", err)
		}
		pkgs[r.Slug] = p
	}
	return runs, pkgs, nil
}

func allFindings(dir string) ([]finding, error) {
	runs, pkgs, err := loadAll(dir)
	if err != nil {
		return nil, err
	}
	var fs []finding
	for _, r := range runs {
		fs = append(fs, findingsOf(r, pkgs[r.Slug])...)
	}
	sortFindings(fs)
	return fs, nil
}

func cmdList(args []string) error {
	fl := flag.NewFlagSet("list", flag.ExitOnError)
	dir := fl.String("results", defaultResults(), "results directory written by run.sh")
	fl.Parse(args)
	fs, err := allFindings(*dir)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, f := range fs {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s:%d\t%s\n", f.Module, f.Check, f.Category, f.File, f.Line, oneLine(f.Message))
	}
	return nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// moduleSummary is one row of the summary table.
type moduleSummary struct {
	run
	Packages int
	Errors   int // analyzer errors reported inside the JSON
	ByCheck  map[string]int
}

func summarize(r run, pkgs []pkgResult) moduleSummary {
	s := moduleSummary{run: r, Packages: len(pkgs), ByCheck: map[string]int{}}
	for _, p := range pkgs {
		for check, diags := range p.Findings {
			s.ByCheck[check] += len(diags)
		}
		for check, msg := range p.Errors {
			s.Errors++
			fmt.Fprintf(os.Stderr, "ANALYZER ERROR %s %s %s: %s\n", r.Module, p.Pkg, check, msg)
		}
	}
	return s
}

func (s moduleSummary) status() string {
	switch {
	case s.Crashed:
		return "CRASH"
	case s.Errors > 0:
		return "ERROR"
	case s.BuildFailures > 0 || s.ExitCode != 0:
		return "partial"
	}
	return "ok"
}

func cmdSummary(args []string) error {
	fl := flag.NewFlagSet("summary", flag.ExitOnError)
	dir := fl.String("results", defaultResults(), "results directory written by run.sh")
	fl.Parse(args)
	runs, pkgs, err := loadAll(*dir)
	if err != nil {
		return err
	}
	var rows []moduleSummary
	checks := map[string]bool{}
	for _, r := range runs {
		s := summarize(r, pkgs[r.Slug])
		for c := range s.ByCheck {
			checks[c] = true
		}
		rows = append(rows, s)
	}
	table := summaryTable(rows, sortedKeys(checks))
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	writeTSV(tw, table, "\t")
	tw.Flush()
	f, err := os.Create(filepath.Join(*dir, "summary.tsv"))
	if err != nil {
		return err
	}
	writeTSV(f, table, "")
	return f.Close()
}

func summaryTable(rows []moduleSummary, checks []string) [][]string {
	head := []string{"module", "version", "status", "packages", "build_failures", "skipped", "analyzer_errors", "findings"}
	head = append(head, checks...)
	table := [][]string{append(head, "seconds")}
	var total moduleSummary
	total.ByCheck = map[string]int{}
	for _, s := range rows {
		table = append(table, summaryRow(s, checks))
		total.Packages += s.Packages
		total.BuildFailures += s.BuildFailures
		total.Skipped += s.Skipped
		total.Errors += s.Errors
		total.Seconds += s.Seconds
		for c, n := range s.ByCheck {
			total.ByCheck[c] += n
		}
	}
	total.Module = "TOTAL"
	row := summaryRow(total, checks)
	row[1], row[2] = "", ""
	return append(table, row)
}

func summaryRow(s moduleSummary, checks []string) []string {
	n := 0
	for _, c := range s.ByCheck {
		n += c
	}
	row := []string{s.Module, s.Version, s.status(), strconv.Itoa(s.Packages),
		strconv.Itoa(s.BuildFailures), strconv.Itoa(s.Skipped), strconv.Itoa(s.Errors), strconv.Itoa(n)}
	for _, c := range checks {
		row = append(row, strconv.Itoa(s.ByCheck[c]))
	}
	return append(row, strconv.FormatFloat(s.Seconds, 'f', 1, 64))
}

// writeTSV writes rows of tab-separated cells; tabwriter needs the final
// cell terminated too, a .tsv file does not.
func writeTSV(w io.Writer, table [][]string, end string) {
	for _, row := range table {
		fmt.Fprintln(w, strings.Join(row, "\t")+end)
	}
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var csvHeader = []string{"module", "version", "check", "category", "file", "line", "message", "verdict", "notes"}

// cmdCSV writes the accuracy template, carrying over the verdict and notes
// of findings already judged in an earlier version of the file.
func cmdCSV(args []string) error {
	fl := flag.NewFlagSet("csv", flag.ExitOnError)
	dir := fl.String("results", defaultResults(), "results directory written by run.sh")
	out := fl.String("o", "docs/accuracy-triage.csv", "CSV file to write (verdicts already in it are kept)")
	fl.Parse(args)
	fs, err := allFindings(*dir)
	if err != nil {
		return err
	}
	old, err := readVerdicts(*out)
	if err != nil {
		return err
	}
	var buf strings.Builder
	w := csv.NewWriter(&buf)
	w.Write(csvHeader)
	for _, f := range fs {
		v := old[verdictKey(f.Module, f.Check, f.File, f.Message)]
		w.Write([]string{f.Module, f.Version, f.Check, f.Category, f.File, strconv.Itoa(f.Line), oneLine(f.Message), v[0], v[1]})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "triage: wrote %d findings to %s\n", len(fs), *out)
	return os.WriteFile(*out, []byte(buf.String()), 0o644)
}

// verdictKey leaves out the line so that verdicts survive small edits
// upstream when a module is bumped.
func verdictKey(module, check, file, message string) string {
	return strings.Join([]string{module, check, file, oneLine(message)}, "\x00")
}

func readVerdicts(file string) (map[string][2]string, error) {
	m := map[string][2]string{}
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	for i, r := range recs {
		if i == 0 || len(r) != len(csvHeader) {
			continue
		}
		m[verdictKey(r[0], r[2], r[4], r[6])] = [2]string{r[7], r[8]}
	}
	return m, nil
}

// cmdNormalize prints each package's object on one line, packages sorted,
// so that two runs can be compared byte for byte although go vet prints
// packages in completion order. The analyzer's own output for a package is
// kept as it was printed.
func cmdNormalize(args []string) error {
	if len(args) != 1 {
		usage()
	}
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	var lines []string
	dec := json.NewDecoder(f)
	for {
		var obj map[string]json.RawMessage
		if err := dec.Decode(&obj); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("%s: %v", args[0], err)
		}
		lines = append(lines, normalizeObject(obj)...)
	}
	sort.Strings(lines)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	return nil
}

func normalizeObject(obj map[string]json.RawMessage) []string {
	if len(obj) == 0 {
		return []string{"{}"}
	}
	var out []string
	for pkg, raw := range obj {
		var compact bytes.Buffer
		// Compact only strips the indentation; order and content stay as printed.
		if err := json.Compact(&compact, raw); err != nil {
			compact.Reset()
			compact.Write(raw)
		}
		out = append(out, strconv.Quote(pkg)+": "+compact.String())
	}
	return out
}

// tally counts verdicts.
type tally struct{ tp, fp, unsure, open int }

func (t *tally) add(verdict string) {
	switch verdict {
	case "tp":
		t.tp++
	case "fp":
		t.fp++
	case "unsure":
		t.unsure++
	default:
		t.open++
	}
}

func (t tally) row(name string) string {
	n := t.tp + t.fp + t.unsure + t.open
	prec := "-"
	if t.tp+t.fp+t.unsure > 0 {
		// unsure counts against precision: only what was shown true is.
		prec = fmt.Sprintf("%.2f", float64(t.tp)/float64(t.tp+t.fp+t.unsure))
	}
	return fmt.Sprintf("| %s | %d | %d | %d | %d | %s |", name, n, t.tp, t.fp, t.unsure, prec)
}

// cmdPrecision prints the judged CSV as Markdown: findings and precision
// per module and per check, overall, and every finding judged false with
// its reason. Findings without a verdict are counted as open and make it
// fail, so a table is never published over an unfinished triage.
func cmdPrecision(args []string) error {
	fl := flag.NewFlagSet("precision", flag.ExitOnError)
	file := fl.String("csv", "docs/accuracy-triage.csv", "judged CSV written by triage csv")
	fl.Parse(args)
	f, err := os.Open(*file)
	if err != nil {
		return err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %v", *file, err)
	}
	byModule, byCheck := map[string]*tally{}, map[string]*tally{}
	var modules, checks []string
	var total tally
	var falses [][]string
	for i, r := range recs {
		if i == 0 || len(r) != len(csvHeader) {
			continue
		}
		mod, check, verdict := r[0], r[2], r[7]
		if byModule[mod] == nil {
			byModule[mod] = &tally{}
			modules = append(modules, mod)
		}
		if byCheck[check] == nil {
			byCheck[check] = &tally{}
			checks = append(checks, check)
		}
		byModule[mod].add(verdict)
		byCheck[check].add(verdict)
		total.add(verdict)
		if verdict == "fp" || verdict == "unsure" {
			falses = append(falses, r)
		}
	}
	sort.Strings(modules)
	sort.Strings(checks)
	head := "| %s | findings | true | false | unsure | precision |\n|---|---:|---:|---:|---:|---:|\n"
	fmt.Printf(head, "module")
	for _, m := range modules {
		fmt.Println(byModule[m].row(m))
	}
	fmt.Println(total.row("**all**"))
	fmt.Println()
	fmt.Printf(head, "check")
	for _, c := range checks {
		fmt.Println(byCheck[c].row(c))
	}
	fmt.Println()
	fmt.Println("| module | check | site | verdict | reason |")
	fmt.Println("|---|---|---|---|---|")
	for _, r := range falses {
		fmt.Printf("| %s | %s | %s:%s | %s | %s |\n", r[0], r[2], r[4], r[5], r[7], strings.ReplaceAll(r[8], "|", "\\|"))
	}
	if total.open > 0 {
		return fmt.Errorf("%d findings have no verdict yet", total.open)
	}
	return nil
}
