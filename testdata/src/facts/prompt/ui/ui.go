// Package ui asks the operator at a terminal, as a command-line tool's
// configuration helpers do.
package ui

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

var stdin *bufio.Reader

// ReadLine reads a line from the terminal. It is a variable so that tests
// can replace it; what the package stores in it reads os.Stdin.
var ReadLine = func(prompt string) string {
	if stdin == nil {
		stdin = bufio.NewReader(os.Stdin)
	}
	fmt.Print(prompt)
	line, _ := stdin.ReadString('\n')
	return strings.TrimSpace(line)
}

// Choose asks until the answer is one of options: it cannot return
// without asking.
func Choose(options string) byte { // want Choose:`prompts`
	for {
		if a := ReadLine(options + "> "); len(a) == 1 && strings.Contains(options, a) {
			return a[0]
		}
	}
}

// Confirm asks only when interactive is set: calling it does not mean
// asking.
func Confirm(interactive bool) bool {
	if !interactive {
		return true
	}
	return Choose("yn") == 'y'
}
