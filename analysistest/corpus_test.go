package analysistest_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// TestSeeds checks every stateful example of the seed documents, and
// their clean twins, which must produce nothing.
func TestSeeds(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "seeds/...", "clean/...")
}

// TestSuppress checks //statelint:ignore against every check at once,
// since a directive is unused only if no check reports on its line.
func TestSuppress(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "suppress/...")
}
