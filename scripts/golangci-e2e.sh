#!/usr/bin/env bash
# golangci-e2e.sh: statelint must find the same things whether golangci-lint
# runs it as a module plugin or go vet runs it as -vettool.
#
# Builds bin/statelint and bin/golangci-lint-statelint (make golangci), runs
# both on testdata/golangci-e2e, and compares the findings as
# "file:line check". Fails on any difference, and when there is nothing to
# compare: the module holds state every driver must report.
set -euo pipefail
# A fresh result cache: golangci-lint would otherwise replay findings of an
# older build of the plugin.
export GOLANGCI_LINT_CACHE="$(mktemp -d)"

repo=$(cd "$(dirname "$0")/.." && pwd)
mod=$repo/testdata/golangci-e2e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$GOLANGCI_LINT_CACHE"' EXIT

go -C "$repo" build -o bin/statelint ./cmd/statelint
make -s -C "$repo" -f mk/golangci.mk golangci

# go vet -json writes one JSON object per package to stdout, positions
# absolute, related information nested in each diagnostic. An analyzer
# error appears as {"error": ...} in place of the diagnostics.
(cd "$mod" && go vet -vettool="$repo/bin/statelint" -json ./...) >"$tmp/vet.json"
if jq -e 'to_entries[].value | to_entries[] | select(.value | type == "object")' "$tmp/vet.json" >/dev/null; then
	echo "golangci-e2e: go vet reported analyzer errors:" >&2
	cat "$tmp/vet.json" >&2
	exit 1
fi
jq -r --arg root "$mod/" '
	def at: ltrimstr($root) | capture("^(?<file>.*):(?<line>[0-9]+):[0-9]+$") | "\(.file):\(.line)";
	to_entries[].value | to_entries[] | .key as $check | .value[]
	| "\(.posn | at) \($check)", (.related[]? | "\(.posn | at) \($check) related")' "$tmp/vet.json" | sort -u >"$tmp/vet.txt"

# golangci-lint reports each hop of the related information as an issue of
# its own ("check(related information): ..."); the hops are compared too,
# so that the plugin cannot lose the chain from handler to state. Its
# limits on repeated issues are lifted so that it cannot hide a finding.
status=0
(cd "$mod" && "$repo/bin/golangci-lint-statelint" run -c "$repo/.golangci.example.yml" \
	--path-mode=abs --max-issues-per-linter=0 --max-same-issues=0 --uniq-by-line=false \
	--output.json.path="$tmp/golangci.json" --output.text.path=stderr ./...) >/dev/null || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then # 1 means issues found
	echo "golangci-e2e: golangci-lint failed with exit status $status" >&2
	exit 1
fi
jq -r --arg root "$mod/" '
	.Issues[] | select(.FromLinter == "statelint")
	| (.Text | capture("^(?<check>[a-z]+)(?<rel>\\(related information\\))?: ")) as $t
	| "\(.Pos.Filename | ltrimstr($root)):\(.Pos.Line) \($t.check)\(if $t.rel == null then "" else " related" end)"' "$tmp/golangci.json" | sort -u >"$tmp/golangci.txt"

if [ ! -s "$tmp/vet.txt" ]; then
	echo "golangci-e2e: go vet -vettool found nothing in $mod; the comparison would be empty" >&2
	exit 1
fi
if ! diff -u --label "go vet -vettool" --label "golangci-lint" "$tmp/vet.txt" "$tmp/golangci.txt"; then
	echo "golangci-e2e: the drivers disagree" >&2
	exit 1
fi
echo "golangci-e2e: $(wc -l <"$tmp/vet.txt") findings, the same from go vet and golangci-lint:"
cat "$tmp/vet.txt"
