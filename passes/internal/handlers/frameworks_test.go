package handlers_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// TestFrameworks runs every check on the seed mistakes and clean twins
// written for each supported framework, against stubs of the frameworks
// at their real import paths.
func TestFrameworks(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "frameworks/...")
}

// TestRoutes checks how routes join their groups' prefixes.
func TestRoutes(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "routes/...")
}
