package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/statelint/statelint/internal/knowledge"
)

// A labelSet is one file of testdata/recall/labels: the labelled state
// sites of one pinned module (format in testdata/recall/README.md).
type labelSet struct {
	Module            string   `json:"module"`
	Version           string   `json:"version"`
	What              string   `json:"what"`
	Patterns          []string `json:"patterns,omitempty"`
	Clean             bool     `json:"clean,omitempty"`
	LabelledBeforeRun bool     `json:"labelled_before_run"`
	Note              string   `json:"note,omitempty"`
	Labels            []label  `json:"labels"`
}

// A label is one per-instance state site (or a tempting non-state) and
// the entry point that reaches it.
type label struct {
	ID     string `json:"id"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Lines  []int  `json:"lines,omitempty"`
	Also   []site `json:"also,omitempty"`
	Symbol string `json:"symbol"`
	// Match, when set, is a substring the finding's message must contain;
	// it tells apart two labels whose sites are on neighbouring lines.
	Match  string `json:"match,omitempty"`
	Kind   string `json:"kind"`
	Check  string `json:"check"`
	Entry  string `json:"entry"`
	Expect string `json:"expect"`
	Reason string `json:"reason"`
	Note   string `json:"note,omitempty"`
}

// A site is a file and line where a finding for a label may be reported:
// the write itself, or a call on the chain from the entry point to it.
type site struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// kindCheck returns the check that reports a kind, from the kinds table.
func kindCheck(kind string) (string, bool) {
	k, ok := knowledge.KindByName(knowledge.KindName(kind))
	return k.Check, ok
}

// sites lists where a finding for l may be: the primary line, the extra
// lines in the same file, then the other hops.
func (l label) sites() []site {
	out := []site{{l.File, l.Line}}
	for _, n := range l.Lines {
		out = append(out, site{l.File, n})
	}
	return append(out, l.Also...)
}

func (l label) finding() bool { return l.Expect == "finding" }

// validate reports what is wrong with a label set as data; it does not
// look at the module's code (checkSites does, once it is fetched).
func (s labelSet) validate() error {
	var errs []string
	if s.Module == "" || s.Version == "" {
		errs = append(errs, "module and version are required")
	}
	seen := map[string]bool{}
	for i, l := range s.Labels {
		where := fmt.Sprintf("label %d (%s)", i, l.ID)
		if l.ID == "" || seen[l.ID] {
			errs = append(errs, where+": missing or duplicate id")
		}
		seen[l.ID] = true
		if l.File == "" || l.Line <= 0 {
			errs = append(errs, where+": file and a positive line are required")
		}
		if _, ok := kindCheck(l.Kind); !ok {
			errs = append(errs, where+": unknown kind "+l.Kind)
		}
		if c, _ := kindCheck(l.Kind); l.Check != c && l.Kind != "" {
			errs = append(errs, fmt.Sprintf("%s: kind %s belongs to check %s, not %s", where, l.Kind, c, l.Check))
		}
		if l.Expect != "finding" && l.Expect != "none" {
			errs = append(errs, where+`: expect must be "finding" or "none"`)
		}
		if l.Symbol == "" || l.Entry == "" || l.Reason == "" {
			errs = append(errs, where+": symbol, entry and reason are required")
		}
		if s.Clean && l.finding() {
			errs = append(errs, where+": a clean module has only labels that expect none")
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s: %s", s.Module, strings.Join(errs, "; "))
	}
	return nil
}

// loadLabels reads every *.json under dir, sorted by file name.
func loadLabels(dir string) ([]labelSet, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var sets []labelSet
	mods := map[string]string{}
	for _, f := range files {
		s, err := readLabelSet(f)
		if err != nil {
			return nil, err
		}
		if prev, dup := mods[s.Module]; dup {
			return nil, fmt.Errorf("%s: module %s already labelled in %s", f, s.Module, prev)
		}
		mods[s.Module] = f
		sets = append(sets, s)
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("no label files in %s", dir)
	}
	return sets, nil
}

func readLabelSet(file string) (labelSet, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return labelSet{}, err
	}
	var s labelSet
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return labelSet{}, fmt.Errorf("%s: %v", file, err)
	}
	if err := s.validate(); err != nil {
		return labelSet{}, fmt.Errorf("%s: %v", file, err)
	}
	return s, nil
}

// checkSites returns one problem per label site that is not a line of a
// file in the fetched module: a label that points nowhere is a mistake.
func checkSites(s labelSet, dir string) []string {
	var out []string
	lines := map[string]int{}
	for _, l := range s.Labels {
		for _, st := range l.sites() {
			n, ok := lines[st.File]
			if !ok {
				data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(st.File)))
				if err != nil {
					n = -1
				} else {
					n = strings.Count(string(data), "\n") + 1
				}
				lines[st.File] = n
			}
			if n < 0 || st.Line > n {
				out = append(out, fmt.Sprintf("%s: label %s: %s:%d is not in the module", s.Module, l.ID, st.File, st.Line))
			}
		}
	}
	return out
}
