package requestorder_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// TestRequestOrder runs every check: a request-order finding always comes
// with the write finding of the state it reads.
func TestRequestOrder(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "seeds/steps", "seeds/sessions", "seeds/jobs", "seeds/uploads", "clean/steps")
}
