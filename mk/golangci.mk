# golangci.mk: golangci-lint v2 with the statelint module plugin linked in,
# built from the Go module proxy alone (no git, unlike `golangci-lint
# custom`). Included by the top-level Makefile; also works on its own:
#
#	make -f mk/golangci.mk golangci
#
# The recipe always runs: go build is incremental, and knows better than
# make whether the plugin or golangci-lint changed.

GOLANGCI_LINT_STATELINT ?= bin/golangci-lint-statelint

.PHONY: golangci golangci-e2e

golangci:
	go -C tools/golangci build -o $(abspath $(GOLANGCI_LINT_STATELINT)) .

# golangci-e2e checks that golangci-lint and go vet -vettool report the
# same statelint findings on testdata/golangci-e2e.
golangci-e2e: golangci
	scripts/golangci-e2e.sh
