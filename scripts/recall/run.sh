#!/usr/bin/env bash
# Measure statelint's recall on the labelled modules of testdata/recall (make recall).
#
#   scripts/recall/run.sh
#
# Builds tools/recall, turns the label files into a module list, and hands
# it to scripts/realworld/run.sh, which fetches each pinned module through
# the module proxy into the scratch directory, builds bin/statelint from
# this tree and runs `go vet -vettool=bin/statelint -json` on it. Then
# tools/recall scores the results against the labels and prints the
# report (also kept as $SCRATCH/recall.md).
#
# It fails only when something breaks (a module that cannot be fetched, a
# crash of statelint, nondeterministic output); the figures themselves are
# a measurement and never fail it.
#
# Environment:
#   STATELINT_RECALL_SCRATCH  scratch directory (default /tmp/statelint-recall)
#   STATELINT_BIN, STATELINT_TIMEOUT  passed to scripts/realworld/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCRATCH=${STATELINT_RECALL_SCRATCH:-/tmp/statelint-recall}
LABELS=$ROOT/testdata/recall/labels

mkdir -p "$SCRATCH/bin"
(cd "$ROOT" && go build -o "$SCRATCH/bin/recall" ./tools/recall)
"$SCRATCH/bin/recall" modules -labels "$LABELS" >"$SCRATCH/modules.txt"

STATELINT_SCRATCH=$SCRATCH STATELINT_MODULES=$SCRATCH/modules.txt "$ROOT/scripts/realworld/run.sh" run

echo
"$SCRATCH/bin/recall" score -labels "$LABELS" -results "$SCRATCH/results" | tee "$SCRATCH/recall.md"
