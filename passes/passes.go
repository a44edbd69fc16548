// Package passes is statelint's registry of analyzers: the one list read by
// the binary, the golangci-lint plugin and the documentation.
package passes

import (
	"github.com/statelint/statelint/passes/fswrite"
	"github.com/statelint/statelint/passes/globalstate"
	"github.com/statelint/statelint/passes/memstore"
	"github.com/statelint/statelint/passes/requestorder"
	"github.com/statelint/statelint/passes/singlereplica"
	"github.com/statelint/statelint/passes/suppress"
	"golang.org/x/tools/go/analysis"
)

// All is every user-facing statelint analyzer, in documentation order.
var All = []*analysis.Analyzer{
	globalstate.Analyzer,
	memstore.Analyzer,
	fswrite.Analyzer,
	requestorder.Analyzer,
	singlereplica.Analyzer,
	suppress.Analyzer,
}
