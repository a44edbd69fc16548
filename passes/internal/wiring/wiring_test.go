package wiring_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// TestWiring runs every check on programs that choose, in a package of
// their own, the implementations of interfaces and callbacks that another
// package's handlers call through.
func TestWiring(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "wiring/...")
}
