package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// A tally counts one row of the report. Label columns (labels, found,
// tpOfLabels, kindOK) group by the label's check and kind; finding
// columns (findings, tp, fp, unmatched) by the finding's own.
type tally struct {
	labels, found, none  int
	tpOfLabels, kindOK   int
	findings, tp, fp, un int
}

func ratio(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(n)/float64(d))
}

func (t tally) recall() string        { return ratio(t.found, t.labels) }
func (t tally) precision() string     { return ratio(t.tp, t.findings) }
func (t tally) kindAgreement() string { return ratio(t.kindOK, t.tpOfLabels) }
func (t tally) perState() string      { return ratio(t.tpOfLabels, t.found) }

// A report is the whole measurement: tallies by module, check and kind,
// and the lists a person triages.
type report struct {
	modules          []string
	clean            []string // modules labelled clean: scored on precision only
	byModule         map[string]*tally
	byCheck, byKind  map[string]*tally
	total            tally
	misses           []miss
	unmatched, wrong []match
	bySymbol         []match
	otherKind        []match // matched, of another kind than the label's
}

type miss struct {
	module string
	label  *label
}

func newReport() *report {
	return &report{byModule: map[string]*tally{}, byCheck: map[string]*tally{}, byKind: map[string]*tally{}}
}

func get(m map[string]*tally, k string) *tally {
	t := m[k]
	if t == nil {
		t = &tally{}
		m[k] = t
	}
	return t
}

// add scores one module: its labels and the matches of its findings.
func (r *report) add(set *labelSet, ms []match) {
	r.modules = append(r.modules, set.Module)
	if set.Clean {
		r.clean = append(r.clean, set.Module)
	}
	mod := get(r.byModule, set.Module)
	found := map[*label]int{}
	for _, m := range ms {
		r.addFinding(mod, m)
		if m.Label != nil && m.Label.finding() {
			found[m.Label]++
			for _, o := range alsoFound(set, m) {
				if found[o] == 0 {
					found[o]++
					r.kindAgrees(mod, o, m.Finding)
				}
			}
		}
	}
	for i := range set.Labels {
		l := &set.Labels[i]
		r.addLabel(set.Module, mod, l, found[l])
	}
	for _, m := range ms {
		if m.Label != nil && m.Label.finding() {
			r.kindAgrees(mod, m.Label, m.Finding)
		}
	}
}

// kindAgrees counts f's kind as agreeing with l's, when it does.
func (r *report) kindAgrees(mod *tally, l *label, f finding) {
	if f.Category != l.Kind {
		r.otherKind = append(r.otherKind, match{Label: l, Finding: f})
		return
	}
	for _, t := range r.labelRows(mod, l) {
		t.kindOK++
	}
}

func (r *report) labelRows(mod *tally, l *label) []*tally {
	return []*tally{mod, get(r.byCheck, l.Check), get(r.byKind, l.Kind), &r.total}
}

func (r *report) addLabel(module string, mod *tally, l *label, hits int) {
	for _, t := range r.labelRows(mod, l) {
		if !l.finding() {
			t.none++
			continue
		}
		t.labels++
		t.tpOfLabels += hits
		if hits > 0 {
			t.found++
		}
	}
	if l.finding() && hits == 0 {
		r.misses = append(r.misses, miss{module, l})
	}
}

func (r *report) addFinding(mod *tally, m match) {
	rows := []*tally{mod, get(r.byCheck, m.Finding.Check), get(r.byKind, m.Finding.Category), &r.total}
	for _, t := range rows {
		t.findings++
		switch {
		case m.Label == nil:
			t.un++
		case m.Label.finding():
			t.tp++
		default:
			t.fp++
		}
	}
	if m.BySymbol {
		r.bySymbol = append(r.bySymbol, m)
	}
	switch {
	case m.Label == nil:
		r.unmatched = append(r.unmatched, m)
	case !m.Label.finding():
		r.wrong = append(r.wrong, m)
	}
}

var header = []string{"", "labels (finding/none)", "found", "recall", "findings", "matched", "false", "unmatched", "precision", "kind agreement", "diagnostics per state found"}

func (t tally) row(name string) []string {
	return []string{name, fmt.Sprintf("%d/%d", t.labels, t.none), fmt.Sprint(t.found), t.recall(),
		fmt.Sprint(t.findings), fmt.Sprint(t.tp), fmt.Sprint(t.fp), fmt.Sprint(t.un),
		t.precision(), t.kindAgreement(), t.perState()}
}

func writeTable(w io.Writer, first string, rows [][]string) {
	h := append([]string{first}, header[1:]...)
	fmt.Fprintf(w, "| %s |\n", strings.Join(h, " | "))
	fmt.Fprintf(w, "|---%s|\n", strings.Repeat("|---:", len(h)-1))
	for _, r := range rows {
		fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
	}
	fmt.Fprintln(w)
}

func sortedRows(m map[string]*tally) [][]string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var rows [][]string
	for _, k := range keys {
		rows = append(rows, m[k].row(k))
	}
	return rows
}

// write prints the report as Markdown, which reads as plain text too.
func (r *report) write(w io.Writer) {
	var mods [][]string
	for _, m := range r.modules {
		mods = append(mods, r.byModule[m].row(m))
	}
	mods = append(mods, r.total.row("**all**"))
	fmt.Fprintln(w, "## Per module")
	fmt.Fprintln(w)
	writeTable(w, "module", mods)
	r.writeClean(w)
	fmt.Fprintln(w, "## Per check (recall columns by the label's check, precision columns by the finding's)")
	fmt.Fprintln(w)
	writeTable(w, "check", append(sortedRows(r.byCheck), r.total.row("**all**")))
	fmt.Fprintln(w, "## Per kind (recall and kind agreement by the label's kind, precision by the finding's category)")
	fmt.Fprintln(w)
	writeTable(w, "kind", append(sortedRows(r.byKind), r.total.row("**all**")))
	r.writeLists(w)
}

// writeClean prints the modules labelled clean on their own: they have no
// state to find, so only their findings count, and every one is false or
// unmatched.
func (r *report) writeClean(w io.Writer) {
	if len(r.clean) == 0 {
		return
	}
	var rows [][]string
	var sum tally
	for _, m := range r.clean {
		t := r.byModule[m]
		rows = append(rows, t.row(m))
		sum.none += t.none
		sum.findings += t.findings
		sum.tp += t.tp
		sum.fp += t.fp
		sum.un += t.un
	}
	rows = append(rows, sum.row(fmt.Sprintf("**%d clean**", len(r.clean))))
	fmt.Fprintln(w, "## Clean modules (precision only: every finding is false or unmatched)")
	fmt.Fprintln(w)
	writeTable(w, "module", rows)
}

func (r *report) writeLists(w io.Writer) {
	fmt.Fprintf(w, "## Misses (%d)\n\n", len(r.misses))
	for _, m := range r.misses {
		l := m.label
		fmt.Fprintf(w, "- %s %s:%d %s [%s/%s] %s (%s)\n", m.module, l.File, l.Line, l.Symbol, l.Check, l.Kind, l.ID, l.Entry)
	}
	fmt.Fprintf(w, "\n## False findings: on a label that expects none (%d)\n\n", len(r.wrong))
	for _, m := range r.wrong {
		writeFinding(w, m)
		fmt.Fprintf(w, "  label %s: %s\n", m.Label.ID, m.Label.Reason)
	}
	fmt.Fprintf(w, "\n## Found, of another kind than the label's (%d)\n\n", len(r.otherKind))
	for _, m := range r.otherKind {
		writeFinding(w, m)
		fmt.Fprintf(w, "  label %s is %s\n", m.Label.ID, m.Label.Kind)
	}
	fmt.Fprintf(w, "\n## Matched by the state's name, away from every site of the label (%d)\n\n", len(r.bySymbol))
	for _, m := range r.bySymbol {
		writeFinding(w, m)
		fmt.Fprintf(w, "  label %s\n", m.Label.ID)
	}
	fmt.Fprintf(w, "\n## Unmatched findings, for triage (%d)\n\n", len(r.unmatched))
	for _, m := range r.unmatched {
		writeFinding(w, m)
	}
	fmt.Fprintln(w)
}

func writeFinding(w io.Writer, m match) {
	f := m.Finding
	fmt.Fprintf(w, "- %s %s:%d [%s/%s] %s\n", f.Module, f.File, f.Line, f.Check, f.Category, f.Message)
}
