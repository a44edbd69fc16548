# Real-code runs of statelint (included by the top-level Makefile).
#
#   make realworld            vet every module in scripts/realworld/modules.txt; fails on a crash
#   make realworld ONLY=caddy only modules whose path contains the given words
#   make bench                statelint vs plain go vet on caddy and gitea (BENCH_ROUNDS=3)
#   make accuracy-csv         docs/accuracy-triage.csv from the last realworld run, verdicts kept
#
# Scratch space (module copies, results) is $(STATELINT_SCRATCH), default
# /tmp/statelint-realworld.

ONLY ?=
BENCH_MODULES ?=

.PHONY: realworld bench accuracy-csv

realworld:
	scripts/realworld/run.sh run $(ONLY)

bench:
	scripts/bench/bench.sh $(BENCH_MODULES)

accuracy-csv:
	go run ./tools/triage csv -o docs/accuracy-triage.csv
