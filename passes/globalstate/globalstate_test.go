package globalstate_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/globalstate"
)

func TestGlobalState(t *testing.T) {
	analysistest.Run(t, globalstate.Analyzer, "globalstate/...")
}
