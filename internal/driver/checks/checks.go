// Package checks selects statelint's analyzers by name, for the command's
// -checks flag and the golangci-lint plugin's checks setting. It is a
// package of its own so that the plugin links no more of the driver.
package checks

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Select returns the analyzers with the given names, in registry order, or
// all of them when names is empty. An unknown name is an error that lists
// the known ones: a misspelt check must not silently run nothing.
func Select(all []*analysis.Analyzer, names []string) ([]*analysis.Analyzer, error) {
	if len(names) == 0 {
		return all, nil
	}
	for _, name := range names {
		if !slices.ContainsFunc(all, func(a *analysis.Analyzer) bool { return a.Name == name }) {
			return nil, fmt.Errorf("unknown check %q (known: %s)", name, strings.Join(Names(all), ", "))
		}
	}
	return slices.DeleteFunc(slices.Clone(all), func(a *analysis.Analyzer) bool {
		return !slices.Contains(names, a.Name)
	}), nil
}

// Names returns the names of the analyzers, in order.
func Names(analyzers []*analysis.Analyzer) []string {
	var ns []string
	for _, a := range analyzers {
		ns = append(ns, a.Name)
	}
	return ns
}
