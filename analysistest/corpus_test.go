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
