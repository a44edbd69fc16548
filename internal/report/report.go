// Package report turns statelint's diagnostics into the outputs a CI system
// reads: SARIF for code scanning and a baseline of accepted findings.
package report

// A Position is a place in a source file. File is relative to the root the
// driver was run from when the file lies under it, and slash-separated.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// A Related entry is one hop of the chain from handler to state.
type Related struct {
	Pos     Position `json:"pos"`
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
}
