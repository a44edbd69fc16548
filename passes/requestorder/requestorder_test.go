package requestorder_test

import (
	"strings"
	"testing"

	"github.com/statelint/statelint/analysistest"
)

// TestRequestOrder runs every check: a request-order finding is made only
// where no write finding of the same state tells the story.
func TestRequestOrder(t *testing.T) {
	analysistest.Run(t, analysistest.All(), "seeds/steps", "seeds/sessions", "seeds/jobs", "seeds/uploads", "clean/steps",
		"requestorder/...", "memstore/units", "clean/units")
}

// TestWriteNamesReaders checks that the write finding of state one
// request leaves for a later one names each other handler that reads it,
// once, since requestorder no longer reports those reads on their own.
func TestWriteNamesReaders(t *testing.T) {
	results := analysistest.Run(t, analysistest.All(), "memstore/units")
	var related []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, "records table items is written") {
				for _, rel := range d.Related {
					related = append(related, rel.Message)
				}
			}
		}
	}
	for _, reader := range []string{`handler for "GET /items/{id}" reads items here`, `handler for "GET /items" reads items here`} {
		n := 0
		for _, m := range related {
			if strings.HasPrefix(m, reader) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("the items finding names %q %d times, want once; related:\n%s", reader, n, strings.Join(related, "\n"))
		}
	}
	for _, m := range related {
		if strings.Contains(m, `"DELETE /items/{id}" reads`) || strings.Contains(m, `"POST /items" reads`) {
			t.Errorf("a writer of the unit is named as a reader: %s", m)
		}
	}
}
