package report

// SARIF is written with github.com/owenrumney/go-sarif/v3: it is the
// maintained major version of the SARIF library most Go tools use (v2 has
// had no release since 2024), its v210 package models SARIF 2.1.0 — the
// version GitHub code scanning accepts — and its constructors set the
// schema defaults (-1 indexes, "warning" level) that a zero value would get
// wrong. Its output is checked against the official multitool by
// scripts/validate-sarif.sh.

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/statelint/statelint/internal/knowledge"
)

// srcRoot is the uriBaseId of every location under the root, so that the
// log holds repository-relative paths and GitHub maps them to its checkout.
const srcRoot = "%SRCROOT%"

// fingerprintKey names statelint's partial fingerprint. The version lets
// the recipe change without GitHub matching old and new hashes.
const fingerprintKey = "statelint/v1"

// develVersion stands for the version of a development build, which Go
// stamps "(devel)": SARIF consumers compare versions and expect a number.
const develVersion = "0.0.0-devel"

// A Check describes one analyzer that ran, for the SARIF rule table.
type Check struct {
	Name  string // analyzer name
	Title string // one-line description, e.g. from the first line of its Doc
	URL   string // documentation page
}

// SARIFOptions describe the run that produced the findings.
type SARIFOptions struct {
	Root    string  // absolute directory that relative file names are under
	Version string  // statelint's version; empty for a development build
	Checks  []Check // analyzers that ran, in order
	// Errors are the problems of a partial run (a package that did not
	// type-check, a check that failed). The log then records an
	// unsuccessful invocation with each as a notification, so that code
	// scanning shows the analysis as incomplete rather than clean.
	Errors []string
}

// WriteSARIF writes findings as a SARIF 2.1.0 log with a single run, for
// GitHub code scanning and other SARIF viewers.
func WriteSARIF(w io.Writer, findings []Finding, opts SARIFOptions) error {
	rules := newRuleTable(opts.Checks, findings)
	run := sarif.NewRunWithInformationURI("statelint", "https://github.com/statelint/statelint")
	run.Tool.Driver.WithRules(rules.list)
	run.Tool.Driver.WithVersion(cmp.Or(opts.Version, develVersion))
	run.WithColumnKind("utf16CodeUnits")
	run.WithOriginalUriBaseIds(map[string]sarif.ArtifactLocation{
		srcRoot: *sarif.NewSimpleArtifactLocation(dirURI(opts.Root)),
	})
	run.AddInvocation(invocation(opts.Errors))
	locs := locator{root: opts.Root, lines: make(map[string][]string)}
	seen := make(map[string]int) // fingerprint -> occurrences so far
	for _, f := range findings {
		run.AddResult(newResult(f, rules.index[f.RuleID()], locs, seen))
	}
	return writeCompact(w, sarif.NewReport().AddRun(run))
}

// invocation records whether the run saw all of the code, and why not.
func invocation(errors []string) *sarif.Invocation {
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(errors) == 0)
	for _, e := range errors {
		inv.AddToolExecutionNotification(sarif.NewNotification().
			WithLevel(sarif.LevelError).
			WithMessage(sarif.NewTextMessage(e)))
	}
	return inv
}

// optionalArrays are members go-sarif v3 always emits that SARIF lets a log
// leave out; they are dropped when empty, as the multitool asks.
var optionalArrays = map[string]bool{
	"notificationConfigurationOverrides": true,
	"ruleConfigurationOverrides":         true,
	"toolConfigurationNotifications":     true,
	"toolExecutionNotifications":         true,
	"locations":                          true,
}

// writeCompact writes the log without the "index": -1 members go-sarif v3
// emits for every index it models as a plain int. -1 is SARIF's "unset"
// sentinel (§3.4), the same as leaving the member out, and the multitool
// warns about each one (SARIF2004).
func writeCompact(w io.Writer, log *sarif.Report) error {
	data, err := json.Marshal(log)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keep numbers as written
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return err
	}
	dropUnsetIndexes(tree)
	if data, err = json.MarshalIndent(tree, "", "  "); err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func dropUnsetIndexes(v any) {
	switch v := v.(type) {
	case map[string]any:
		if v["index"] == json.Number("-1") {
			delete(v, "index")
		}
		for k, e := range v {
			if a, ok := e.([]any); ok && len(a) == 0 && optionalArrays[k] {
				delete(v, k)
			}
		}
		for _, e := range v {
			dropUnsetIndexes(e)
		}
	case []any:
		for _, e := range v {
			dropUnsetIndexes(e)
		}
	}
}

func newResult(f Finding, ruleIndex int, locs locator, seen map[string]int) *sarif.Result {
	fp := fingerprint(f)
	seen[fp]++
	res := sarif.NewRuleResult(f.RuleID()).
		WithRuleIndex(ruleIndex).
		WithLevel(sarif.LevelWarning).
		WithMessage(sarif.NewTextMessage(f.Message)).
		AddLocation(locs.location(f.Pos, f.End, "")).
		WithPartialFingerprints(map[string]string{fingerprintKey: fp + ":" + strconv.Itoa(seen[fp])})

	// The chain from handler to state is both a code flow, which viewers
	// step through in order, and related locations, which they list. Hops
	// outside the root (in the module cache or GOROOT) are left out: code
	// scanning rejects absolute file URIs it cannot map to the checkout.
	flow := sarif.NewThreadFlow()
	for _, r := range f.Related {
		if !locs.underRoot(r.Pos.File) {
			continue
		}
		loc := locs.location(r.Pos, r.End, r.Message).WithID(len(res.RelatedLocations) + 1)
		res.AddRelatedLocation(loc)
		flow.AddLocation(sarif.NewThreadFlowLocation().WithLocation(loc))
	}
	if len(flow.Locations) > 0 {
		res.AddCodeFlow(sarif.NewCodeFlow().AddThreadFlow(flow))
	}
	return res
}

// fingerprint hashes what a finding is, not where it is: no line numbers,
// so moving code keeps the alert GitHub already tracks. The caller appends
// an occurrence number to tell identical findings in one file apart.
func fingerprint(f Finding) string {
	h := sha256.New()
	for _, s := range []string{f.Check, f.Category, f.Pos.File, f.Message} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// A ruleTable holds one rule per check and kind, in documentation order,
// and one per other rule ID a finding uses, sorted.
type ruleTable struct {
	list  []*sarif.ReportingDescriptor
	index map[string]int
}

func newRuleTable(checks []Check, findings []Finding) ruleTable {
	t := ruleTable{index: make(map[string]int)}
	byName := make(map[string]Check)
	for _, c := range checks {
		byName[c.Name] = c
		for _, k := range knowledge.Kinds {
			if k.Check == c.Name {
				t.add(kindRule(k))
			}
		}
	}
	var extra []Finding
	for _, f := range findings {
		if _, ok := t.index[f.RuleID()]; !ok {
			extra = append(extra, f)
		}
	}
	slices.SortFunc(extra, func(a, b Finding) int { return strings.Compare(a.RuleID(), b.RuleID()) })
	for _, f := range extra {
		if _, ok := t.index[f.RuleID()]; !ok {
			t.add(checkRule(f, byName[f.Check]))
		}
	}
	return t
}

func (t *ruleTable) add(r *sarif.ReportingDescriptor) {
	t.index[*r.ID] = len(t.list)
	t.list = append(t.list, r)
}

func kindRule(k knowledge.Kind) *sarif.ReportingDescriptor {
	helpURI := k.URL()
	markdown := "**What breaks with a second replica:** " + k.Breaks + ".\n\n" +
		"**Instead:** " + k.Advice + ".\n\n" +
		"See [" + k.Check + ": " + k.Title + "](" + helpURI + ")."
	return sarif.NewRule(k.Check + "/" + string(k.Name)).
		WithName(pascal(k.Title)).
		WithShortDescription(text(sentence(k.Title))).
		WithFullDescription(text(sentence(k.Title + ": " + k.Breaks))).
		WithHelp(text(sentence(k.Advice)).WithMarkdown(markdown)).
		WithHelpURI(helpURI).
		WithDefaultConfiguration(sarif.NewReportingConfiguration()).
		WithProperties(sarif.NewPropertyBag().WithTags([]string{"statelint", "scalability", k.Check, string(k.Name)}))
}

// checkRule describes a rule ID that has no entry in the kinds table, such
// as the suppress check's, from the analyzer that reported it.
func checkRule(f Finding, c Check) *sarif.ReportingDescriptor {
	title := cmp.Or(c.Title, f.Check)
	r := sarif.NewRule(f.RuleID()).
		WithName(pascal(f.Check + " " + f.Category)).
		WithShortDescription(text(sentence(title))).
		WithFullDescription(text(sentence(title))).
		WithHelp(text(sentence("See the documentation of the " + f.Check + " check"))).
		WithDefaultConfiguration(sarif.NewReportingConfiguration()).
		WithProperties(sarif.NewPropertyBag().WithTags([]string{"statelint", f.Check}))
	if u := cmp.Or(f.URL, c.URL); u != "" {
		r.WithHelpURI(u)
	}
	return r
}

func text(s string) *sarif.MultiformatMessageString {
	return sarif.NewMultiformatMessageString().WithText(s)
}

// sentence capitalises s and ends it with a period: SARIF viewers show
// rule descriptions as prose, unlike diagnostics, which stay lowercase.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// pascal turns "in-memory session store" into "InMemorySessionStore", the
// friendly-name form SARIF asks rule names to take.
func pascal(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r, n := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(w[n:])
	}
	return b.String()
}

// dirURI is the file URI of a directory, with the trailing slash SARIF
// requires of a base URI.
func dirURI(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// A locator turns positions into SARIF locations. It reads the source
// lines it needs, once per file, to convert Go's byte columns to the UTF-16
// columns SARIF counts by default.
type locator struct {
	root  string
	lines map[string][]string // file -> its lines; nil when unreadable
}

func (l locator) underRoot(file string) bool {
	return file != "" && !path.IsAbs(file) && !filepath.IsAbs(file)
}

func (l locator) location(pos, end Position, msg string) *sarif.Location {
	art := sarif.NewArtifactLocation()
	if l.underRoot(pos.File) {
		art.WithURI((&url.URL{Path: pos.File}).String()).WithURIBaseID(srcRoot)
	} else {
		art.WithURI((&url.URL{Scheme: "file", Path: filepath.ToSlash(pos.File)}).String())
	}
	loc := sarif.NewLocationWithPhysicalLocation(
		sarif.NewPhysicalLocation().WithArtifactLocation(art).WithRegion(l.region(pos, end)))
	if msg != "" {
		loc.WithMessage(sarif.NewTextMessage(msg))
	}
	return loc
}

func (l locator) region(pos, end Position) *sarif.Region {
	r := sarif.NewRegion().WithStartLine(pos.Line)
	if pos.Column > 0 {
		r.WithStartColumn(l.column(pos))
	}
	if end.Line > 0 && end.File == pos.File {
		r.WithEndLine(end.Line)
		if end.Column > 0 {
			r.WithEndColumn(l.column(end))
		}
	}
	return r
}

// column converts the 1-based byte column of p to a 1-based UTF-16 column,
// falling back to the byte column when the line cannot be read.
func (l locator) column(p Position) int {
	lines, ok := l.lines[p.File]
	if !ok {
		name := p.File
		if l.underRoot(name) {
			name = filepath.Join(l.root, filepath.FromSlash(name))
		}
		if data, err := os.ReadFile(name); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		l.lines[p.File] = lines
	}
	if p.Line > len(lines) {
		return p.Column
	}
	line := lines[p.Line-1]
	prefix := line[:min(p.Column-1, len(line))]
	units := 0
	for _, r := range prefix {
		units += utf16.RuneLen(r)
	}
	return units + 1 + max(0, p.Column-1-len(line))
}
