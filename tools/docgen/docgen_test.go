package main

import (
	"bytes"
	"os"
	"testing"
)

// TestDocsUpToDate fails when docs/ differs from what the registry and
// the knowledge tables generate.
func TestDocsUpToDate(t *testing.T) {
	pages, err := Pages("../../docs")
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range pages {
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go run ./tools/docgen", path)
		}
	}
}
