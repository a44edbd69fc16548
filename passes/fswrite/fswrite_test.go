package fswrite_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/fswrite"
)

func TestFSWrite(t *testing.T) {
	analysistest.Run(t, fswrite.Analyzer, "fswrite/...", "seeds/localdb", "clean/uploads", "clean/localdb", "clean/scratch")
}

// TestFurtherSites checks that one handler's changes under one directory
// are one finding naming every other change as a further site.
func TestFurtherSites(t *testing.T) {
	results := analysistest.Run(t, fswrite.Analyzer, "fswrite/removes")
	want := []string{"also os.Chmod", "also os.Truncate", "also os.Symlink", "also os.Link"}
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, `"POST /touch"`) {
				continue
			}
			var got []string
			for _, rel := range d.Related {
				if strings.HasPrefix(rel.Message, "also ") {
					got = append(got, rel.Message)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("further sites of the /touch finding: got %q, want %q", got, want)
			}
			return
		}
	}
	t.Error("no finding for POST /touch")
}
