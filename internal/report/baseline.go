package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// BaselineVersion is the version of the baseline file format. A file of
// another version is rejected rather than misread.
const BaselineVersion = 1

// A Baseline records the findings a project has accepted for now, so that
// adopting statelint fails only on state added after the baseline.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`
}

// A BaselineEntry accepts Count findings with the same key. The key is what
// a finding is, never where it is: no line or column, so moving code within
// a file, or editing above it, keeps the finding accepted.
type BaselineEntry struct {
	Check    string `json:"check"`
	Category string `json:"category"`
	File     string `json:"file"`
	Message  string `json:"message"`
	Count    int    `json:"count"`
}

type baselineKey struct {
	check, category, file, message string
}

func keyOf(f Finding) baselineKey {
	return baselineKey{f.Check, f.Category, f.Pos.File, f.Message}
}

func (e BaselineEntry) key() baselineKey {
	return baselineKey{e.Check, e.Category, e.File, e.Message}
}

// String formats e like a text finding without a line: file: message
// [check/category], with the count when it is above one.
func (e BaselineEntry) String() string {
	s := fmt.Sprintf("%s: %s [%s]", e.File, e.Message, Finding{Check: e.Check, Category: e.Category}.RuleID())
	if e.Count > 1 {
		s += fmt.Sprintf(" (x%d)", e.Count)
	}
	return s
}

// NewBaseline records findings, counting those with the same key. Entries
// are sorted so that the file diffs cleanly from one run to the next.
func NewBaseline(findings []Finding) Baseline {
	counts := make(map[baselineKey]int)
	for _, f := range findings {
		counts[keyOf(f)]++
	}
	b := Baseline{Version: BaselineVersion, Findings: make([]BaselineEntry, 0, len(counts))}
	for k, n := range counts {
		b.Findings = append(b.Findings, BaselineEntry{k.check, k.category, k.file, k.message, n})
	}
	slices.SortFunc(b.Findings, compareEntries)
	return b
}

func compareEntries(a, b BaselineEntry) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Category, b.Category),
		cmp.Compare(a.Message, b.Message))
}

// Filter returns the findings the baseline does not accept, in their
// order, and the entries (with the unused part of their count) that no
// finding matched any more. A key accepted N times lets the first N
// findings with that key through and reports the rest.
func (b Baseline) Filter(findings []Finding) (fresh []Finding, stale []BaselineEntry) {
	left := make(map[baselineKey]int, len(b.Findings))
	for _, e := range b.Findings {
		left[e.key()] += e.Count
	}
	for _, f := range findings {
		k := keyOf(f)
		if left[k] > 0 {
			left[k]--
			continue
		}
		fresh = append(fresh, f)
	}
	for _, e := range b.Findings {
		if n := left[e.key()]; n > 0 {
			e.Count = n
			left[e.key()] = 0 // an entry listed twice is reported once
			stale = append(stale, e)
		}
	}
	return fresh, stale
}

// WriteBaseline writes b as indented JSON.
func WriteBaseline(w io.Writer, b Baseline) error {
	data, err := json.MarshalIndent(b, "", "\t")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// ReadBaseline reads a baseline written by WriteBaseline. Unknown fields
// and other versions are errors: a misread baseline would silently accept
// or resurface findings.
func ReadBaseline(r io.Reader) (Baseline, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return Baseline{}, fmt.Errorf("reading baseline: %w", err)
	}
	if b.Version != BaselineVersion {
		return Baseline{}, fmt.Errorf("baseline version %d is not supported (want %d)", b.Version, BaselineVersion)
	}
	for _, e := range b.Findings {
		if e.Count < 1 {
			return Baseline{}, fmt.Errorf("baseline entry %s: count must be at least 1", e)
		}
	}
	return b, nil
}

// IsBaseline reports whether data looks like a baseline file of any
// version: a JSON object with a version and a list of findings. The driver
// overwrites only such a file, so that a mistyped -write-baseline=main.go
// cannot replace source code with JSON.
func IsBaseline(data []byte) bool {
	var b struct {
		Version  *int              `json:"version"`
		Findings *[]map[string]any `json:"findings"`
	}
	return json.Unmarshal(data, &b) == nil && b.Version != nil && b.Findings != nil
}
