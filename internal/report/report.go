// Package report turns statelint's diagnostics into the outputs a person or
// a CI system reads: text, go/analysis-style JSON, SARIF for code scanning,
// and a baseline of accepted findings.
package report

import (
	"cmp"
	"fmt"
	"slices"
)

// A Position is a place in a source file. File is relative to the root the
// driver was run from when the file lies under it, and slash-separated.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// String formats p the way go/token does, so that editors and terminals
// recognise it: file:line:column, or file:line when the column is unknown.
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

func comparePositions(a, b Position) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column))
}

// A Related entry is one hop of the chain from handler to state.
type Related struct {
	Pos     Position `json:"pos"`
	End     Position `json:"end"`
	Message string   `json:"message"`
}

// A Finding is one diagnostic of one check. Messages never contain line
// numbers, so Check, Category, File and Message identify what a finding is.
type Finding struct {
	Check    string    `json:"check"`    // analyzer name, e.g. "memstore"
	Category string    `json:"category"` // kind, e.g. "session"
	Message  string    `json:"message"`
	URL      string    `json:"url,omitempty"`
	Pos      Position  `json:"pos"`
	End      Position  `json:"end"`
	Related  []Related `json:"related,omitempty"`
	Package  string    `json:"package,omitempty"` // ID of the package whose analysis reported it
}

// RuleID names the SARIF rule of f: check/category, or the check alone
// when the diagnostic has no category.
func (f Finding) RuleID() string {
	if f.Category == "" {
		return f.Check
	}
	return f.Check + "/" + f.Category
}

// compareFindings orders findings by file, line, column, check and
// message; the remaining fields only break ties, so the order is total and
// output is byte-identical from run to run.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		comparePositions(a.Pos, b.Pos),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Category, b.Category),
		comparePositions(a.End, b.End),
		slices.CompareFunc(a.Related, b.Related, compareRelated),
		cmp.Compare(a.URL, b.URL),
		cmp.Compare(a.Package, b.Package))
}

func compareRelated(a, b Related) int {
	return cmp.Or(
		comparePositions(a.Pos, b.Pos),
		comparePositions(a.End, b.End),
		cmp.Compare(a.Message, b.Message))
}

// Normalize sorts findings and drops duplicates. A file that belongs to
// several packages (p and its test variant "p [p.test]") is analysed once
// per package, so the same diagnostic arrives more than once; the copy of
// the package that sorts first is kept.
func Normalize(findings []Finding) []Finding {
	sorted := slices.Clone(findings)
	slices.SortFunc(sorted, compareFindings)
	return slices.CompactFunc(sorted, func(a, b Finding) bool {
		a.Package, b.Package = "", ""
		return compareFindings(a, b) == 0
	})
}
