package memstore_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/memstore"
)

func TestMemStore(t *testing.T) {
	analysistest.Run(t, memstore.Analyzer, "memstore/...", "seeds/hub", "seeds/queue", "seeds/usercache", "seeds/ratelimit")
	// The library itself: its constructors call one another, and the
	// choice of a store is its users', so it has no finding of its own.
	analysistest.Run(t, memstore.Analyzer, "github.com/gofiber/fiber/v3/middleware/session")
}
