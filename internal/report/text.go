package report

import (
	"bufio"
	"io"
)

// WriteText writes findings one per line as
//
//	file:line:col: message [check/category]
//
// followed by one indented line per hop of the chain from handler to
// state, the shape go vet and compilers use, so editors can jump to each.
func WriteText(w io.Writer, findings []Finding) error {
	bw := bufio.NewWriter(w)
	for _, f := range findings {
		bw.WriteString(f.Pos.String() + ": " + f.Message + " [" + f.RuleID() + "]\n")
		for _, r := range f.Related {
			bw.WriteString("\t" + r.Pos.String() + ": " + r.Message + "\n")
		}
	}
	return bw.Flush()
}
