package extio_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/internal/extio"
)

// TestFacts checks the summaries of the helper packages that the
// singlereplica cases call one level down.
func TestFacts(t *testing.T) {
	analysistest.Run(t, extio.Analyzer, "singlereplica/walletstore", "singlereplica/jobstore")
}
