package suppress_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// TestSuppress runs every check: whether a directive silences anything
// depends on the findings of all of them.
func TestSuppress(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "suppress/...")
}
