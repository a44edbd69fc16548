#!/usr/bin/env bash
# validate-sarif.sh [FILE.sarif...]
#
# Validates SARIF logs with Microsoft's official SARIF multitool, against
# the SARIF 2.1.0 rules and GitHub code scanning's ingestion rules
# (--rule-kind "Sarif;Gh"). Fails when any file has an error.
#
# Without arguments it validates what statelint writes for the service
# modules under testdata (the example shop and the e2e modules), and fails
# if those logs hold no results at all: an empty log would prove little.
#
# The multitool comes from the npm registry as a self-contained Linux
# binary (no .NET install needed), fetched with `npm pack` into a cache
# under the build directory and reused after that.
set -euo pipefail

MULTITOOL_VERSION=${MULTITOOL_VERSION:-5.7.0}
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${STATELINT_BUILD_DIR:-$repo/build}
cache=$build/cache/sarif-multitool-$MULTITOOL_VERSION
tool=$cache/package/Sarif.Multitool

# statelint_logs writes a SARIF log per testdata service into
# $build/sarif and lists them in the array logs.
statelint_logs() {
	go -C "$repo" build -o bin/statelint ./cmd/statelint
	mkdir -p "$build/sarif"
	logs=()
	for mod in shop driver-e2e golangci-e2e; do
		log=$build/sarif/$mod.sarif
		# Exit 3 means findings, which is what this needs.
		"$repo/bin/statelint" -C "$repo/testdata/$mod" -format=sarif ./... >"$log" || [ $? -eq 3 ]
		logs+=("$log")
	done
	# A partial run: one package does not type-check, so the log records
	# an unsuccessful invocation with the error as a notification.
	broken=$build/sarif/broken
	rm -rf "$broken" && cp -R "$repo/testdata/driver-e2e" "$broken"
	mkdir -p "$broken/broken" && printf 'package broken\n\nvar X int = "x"\n' >"$broken/broken/broken.go"
	"$repo/bin/statelint" -C "$broken" -format=sarif ./... >"$build/sarif/broken.sarif" 2>/dev/null || [ $? -eq 1 ]
	logs+=("$build/sarif/broken.sarif")
	if [ "$(jq -s '[.[].runs[].results | length] | add' "${logs[@]}")" -eq 0 ]; then
		echo "validate-sarif: statelint found nothing in testdata; no results to validate" >&2
		exit 1
	fi
}

if [ $# -eq 0 ]; then
	statelint_logs
	set -- "${logs[@]}"
fi

if [ ! -x "$tool" ]; then
	mkdir -p "$cache"
	(cd "$cache" && npm pack --silent "@microsoft/sarif-multitool-linux@$MULTITOOL_VERSION" >/dev/null)
	tar -xzf "$cache"/microsoft-sarif-multitool-linux-"$MULTITOOL_VERSION".tgz -C "$cache"
	rm "$cache"/microsoft-sarif-multitool-linux-"$MULTITOOL_VERSION".tgz
	chmod +x "$tool" # npm tarballs do not keep the executable bit
fi

# The multitool needs ICU unless told to run without culture data.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

status=0
for f in "$@"; do
	out=$(mktemp)
	# The multitool writes its own findings as SARIF; count the errors in
	# it rather than trusting its exit code alone, and print every result,
	# warnings and notes too.
	"$tool" validate --rule-kind "Sarif;Gh" --log ForceOverwrite --output "$out" "$f" |
		grep -E ': (error|warning|note) ' >&2 || true
	if ! jq -e '.runs[0].tool.driver.name' "$out" >/dev/null 2>&1; then
		echo "validate-sarif: $f: the multitool produced no report" >&2
		rm -f "$out"
		status=1
		continue
	fi
	errors=$(jq '[.runs[].results[]? | select(.level == "error")] | length' "$out")
	rm -f "$out"
	if [ "$errors" -ne 0 ]; then
		echo "validate-sarif: $f: $errors errors" >&2
		status=1
	else
		echo "validate-sarif: $f: ok"
	fi
done
exit "$status"
