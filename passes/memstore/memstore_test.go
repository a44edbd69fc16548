package memstore_test

import (
	"testing"

	"github.com/statelint/statelint/analysistest"
	"github.com/statelint/statelint/passes/memstore"
)

func TestMemStore(t *testing.T) {
	analysistest.Run(t, memstore.Analyzer, "memstore/...", "seeds/hub", "seeds/queue", "seeds/usercache", "seeds/ratelimit")
}
