// Package plugin is statelint's golangci-lint v2 module plugin. Import it
// (blank) into a custom golangci-lint build, then enable the linter with
//
//	linters:
//	  enable: [statelint]
//	  settings:
//	    custom:
//	      statelint:
//	        type: module
//	        settings:
//	          checks: [globalstate, memstore]
//
// See docs/golangci-lint.md.
package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"github.com/statelint/statelint/internal/driver/checks"
	"github.com/statelint/statelint/passes"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin("statelint", New)
}

// Settings are the plugin's settings under
// linters.settings.custom.statelint.settings.
type Settings struct {
	// Checks names the analyzers to run; empty means all of passes.All.
	Checks []string `json:"checks"`
}

type statelint struct {
	analyzers []*analysis.Analyzer
}

// New decodes the settings golangci-lint passes and selects the checks.
// Unknown keys and unknown checks are errors: a misspelt setting would
// otherwise silently run everything, or nothing.
func New(raw any) (register.LinterPlugin, error) {
	s, err := decodeSettings(raw)
	if err != nil {
		return nil, err
	}
	analyzers, err := checks.Select(passes.All, s.Checks)
	if err != nil {
		return nil, fmt.Errorf("statelint settings: %w", err)
	}
	return &statelint{analyzers: analyzers}, nil
}

func decodeSettings(raw any) (Settings, error) {
	if err := rejectUnknownKeys(raw); err != nil {
		return Settings{}, err
	}
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return Settings{}, fmt.Errorf("statelint settings: %w", err)
	}
	return s, nil
}

// rejectUnknownKeys decodes raw strictly. register.DecodeSettings rejects
// unknown keys as of v0.1.2, but golangci-lint links whichever version it
// requires, and this error also names the keys that exist.
func rejectUnknownKeys(raw any) error {
	data, err := json.Marshal(raw)
	if err != nil {
		return fmt.Errorf("statelint settings: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(new(Settings)); err != nil {
		return fmt.Errorf("statelint settings: %w (the only key is \"checks\")", err)
	}
	return nil
}

// BuildAnalyzers returns the selected checks, wrapped as for every driver:
// findings in generated files are dropped, as go vet and the statelint
// command drop them. The handler-to-state chain is kept: golangci-lint
// prints each hop as an issue of its own, "check(related information):
// ...", after the finding.
func (p *statelint) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return checks.Wrap(p.analyzers, &checks.Options{}), nil
}

// GetLoadMode asks for type information: every statelint check needs it.
func (p *statelint) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
