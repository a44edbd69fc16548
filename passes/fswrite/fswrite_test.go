package fswrite_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/fswrite"
)

func TestFSWrite(t *testing.T) {
	analysistest.Run(t, fswrite.Analyzer, "fswrite/...", "seeds/localdb", "clean/uploads", "clean/localdb", "clean/scratch")
}
