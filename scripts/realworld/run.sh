#!/usr/bin/env bash
# Run statelint over the real Go modules pinned in modules.txt.
#
#   scripts/realworld/run.sh [run] [FILTER...]   build bin/statelint, vet every module, summarise (make realworld)
#   scripts/realworld/run.sh fetch [FILTER...]   only fetch and prepare; prints "module<TAB>dir<TAB>patterns"
#   scripts/realworld/run.sh plain [FILTER...]   time plain `go vet` (no statelint) per module
#
# FILTER words select modules whose path contains any of them (default: all).
#
# Each module is fetched from the module proxy with `go mod download -json`,
# copied out of the read-only module cache into $SCRATCH/src/<slug> and made
# writable; local-path replace directives that only make sense in the
# upstream repository (e.g. grpc/examples' `=> ../`) are dropped. The copy is
# reused on later runs.
#
# `run` writes into $SCRATCH/results:
#   <slug>.json   stdout of `go vet -vettool=statelint -json` (one JSON object per package)
#   <slug>.log    its stderr: build and type-check failures, and crashes
#   <slug>.problems  the log digested: one CRASH/FAIL/SKIP line per package
#   runs.tsv      one line per module, read by tools/triage
#   summary.tsv   the summary table (also printed)
# It fails if statelint crashed (panic, internal error, goroutine trace) on
# any package, if an analyzer returned an error, or if the determinism check
# (the first module vetted twice, the second time with the vet cache
# bypassed) printed different output. Packages that fail to build or
# type-check are reported and skipped.
#
# Environment:
#   STATELINT_SCRATCH  scratch directory (default /tmp/statelint-realworld)
#   STATELINT_BIN      vet tool to use instead of building ./cmd/statelint
#   STATELINT_MODULES  module list (default scripts/realworld/modules.txt)
#   STATELINT_TIMEOUT  limit for one module's go vet, in seconds (default 1800);
#                      a module that hits it fails the run like a crash
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCRATCH=${STATELINT_SCRATCH:-/tmp/statelint-realworld}
MODULES=${STATELINT_MODULES:-$ROOT/scripts/realworld/modules.txt}
RESULTS=$SCRATCH/results
TIMEOUT=${STATELINT_TIMEOUT:-1800}
# What a crash of the vet tool leaves in go vet's output: a panic, a fatal
# runtime error (stack overflow, out of memory), a signal's goroutine dump
# (SIGSEGV, or SIGQUIT sent to a hung process), an OOM kill. Go 1.26 heads
# goroutine traces "goroutine N gp=... [state]:".
CRASH_RE='panic:|fatal error:|internal error|^SIG[A-Z]+: |signal: killed|^goroutine [0-9]+ (gp=|\[)'
TRIAGE=$SCRATCH/bin/triage

# The pinned modules are vetted as they are: no go.work of ours applies, and
# Go never switches toolchains (a module needing a newer Go fails clearly).
export GOWORK=off GOTOOLCHAIN=local
export STATELINT_SCRATCH=$SCRATCH

log() { printf '%s\n' "$*" >&2; }
die() { log "run.sh: $*"; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# slug turns a module path into a file name: github.com/a/b/v2 -> github.com_a_b_v2.
slug() { printf '%s' "$1" | tr '/' '_'; }

# modules prints "module version patterns..." for each selected line of
# modules.txt, comments stripped.
modules() {
  local line
  local -a f
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%%#*}
    read -r -a f <<<"$line" || true
    ((${#f[@]} >= 2)) || continue
    selected "${f[0]}" "$@" || continue
    printf '%s\n' "${f[*]}"
  done <"$MODULES"
}

selected() {
  local mod=$1 w
  shift
  (($# == 0)) && return 0
  for w in "$@"; do [[ $mod == *"$w"* ]] && return 0; done
  return 1
}

# fetch prepares one module and prints its directory. The ready stamp makes
# later runs skip the proxy entirely.
fetch() {
  local mod=$1 ver=$2 dir cached
  dir=$SCRATCH/src/$(slug "$mod")@$ver
  if [[ -f $dir/.statelint-ready ]]; then
    printf '%s\n' "$dir"
    return
  fi
  log "fetch $mod@$ver"
  cached=$(cd "$SCRATCH" && go mod download -json "$mod@$ver" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
  [[ -n $cached ]] || die "go mod download $mod@$ver printed no Dir"
  rm -rf "$dir" "$dir.tmp"
  cp -R "$cached" "$dir.tmp"
  chmod -R u+w "$dir.tmp"
  mv "$dir.tmp" "$dir"
  drop_local_replaces "$dir"
  # A module zip keeps vendor/modules.txt but none of the vendored code,
  # and the go command would then build from the empty vendor tree.
  if [[ -f $dir/vendor/modules.txt && -z $(find "$dir/vendor" -name '*.go' -print -quit) ]]; then
    rm -rf "$dir/vendor"
  fi
  (cd "$dir" && go mod download) || die "$mod@$ver: go mod download failed (a dependency the proxy does not serve?)"
  stub_missing_embeds "$dir"
  printf '%s@%s\n' "$mod" "$ver" >"$dir/.statelint-ready"
  printf '%s\n' "$dir"
}

# drop_local_replaces removes `replace X => ../dir` lines whose target is not
# in the module zip, and records go.sum lines for the now-required X.
drop_local_replaces() {
  local dir=$1 old
  local -a olds
  mapfile -t olds < <(sed -nE 's/^[[:space:]]*(replace[[:space:]]+)?([^[:space:]]+)([[:space:]]+v[^[:space:]]+)?[[:space:]]+=>[[:space:]]+\.\.?\/.*$/\2/p' "$dir/go.mod")
  ((${#olds[@]})) || return 0
  for old in "${olds[@]}"; do
    log "  dropping local replace of $old"
    (cd "$dir" && go mod edit -dropreplace="$old")
  done
  for old in "${olds[@]}"; do
    (cd "$dir" && go mod download "$old" 2>/dev/null) || true
  done
}

# stub_missing_embeds puts a placeholder file into each directory that a
# //go:embed names but the module zip lacks: servers embed front-end builds
# (alertmanager's ui/app/dist) that are made at release time, not shipped
# as source, and without them the package, and go vet ./..., fails to load.
stub_missing_embeds() {
  local dir=$1 pos pattern target
  local name=statelint-placeholder.txt last
  while IFS='|' read -r pos pattern; do
    if [[ $pattern == *[*?[]* ]]; then
      # A glob in the last element only (build/*, static/*.html): a file
      # in its directory that the glob matches.
      last=${pattern##*/}
      [[ $pattern == */* && ${pattern%/*} != *[*?[]* && $last == \** && ${last#\*} != *[*?[]* ]] || continue
      pattern=${pattern%/*}
      name=statelint-placeholder${last#\*}
    fi
    target=$dir/$(dirname "${pos%%:*}")/$pattern
    log "  stubbing missing //go:embed directory ${target#"$dir"/}"
    mkdir -p "$target"
    printf 'placeholder for a front-end build that the module does not ship\n' >"$target/$name"
    name=statelint-placeholder.txt
  done < <(cd "$dir" && go list -e -f '{{with .Error}}{{.Pos}}|{{.Err}}{{end}}' ./... 2>/dev/null |
    sed -n 's/^\([^|]*\)|pattern \([^:]*\): no matching files found$/\1|\2/p')
}

build_tools() {
  mkdir -p "$SCRATCH/bin"
  (cd "$ROOT" && go build -o "$TRIAGE" ./tools/triage)
  if [[ -n ${STATELINT_BIN:-} ]]; then
    BIN=$STATELINT_BIN
  else
    [[ -d $ROOT/cmd/statelint ]] || die "no ./cmd/statelint yet; set STATELINT_BIN to a vet tool"
    (cd "$ROOT" && go build -o bin/statelint ./cmd/statelint)
    BIN=$ROOT/bin/statelint
  fi
  [[ -x $BIN ]] || die "vet tool $BIN is not executable"
  BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
}

# nonce_copy makes a copy of the vet tool with a few bytes appended. A
# unitchecker tool's `-V=full` hashes its own executable, so the copy has a
# new tool ID and go vet's result cache misses on every package, while the
# build cache (compiled dependencies) stays warm.
nonce_copy() {
  local out=$SCRATCH/bin/statelint-nocache-$1
  cp "$BIN" "$out"
  printf '\n#statelint-nonce %s %s\n' "$1" "$RANDOM$RANDOM" >>"$out"
  printf '%s\n' "$out"
}

# classify_log reads a vet log ("# pkg" blocks, each headed again by
# "# [pkg]") and prints one tab-separated line per block:
#   CRASH  pkg  panic or fatal error  first frame outside the runtime  its file:line
#   SKIP   pkg  first message   (a dependency's vet crashed, so no facts for it)
#   FAIL   pkg  first message   (does not build or type-check)
# plus "GO <line>" for errors of the go command itself.
classify_log() {
  awk -v OFS='\t' -v crash_re="$CRASH_RE" '
    function flush() {
      if (pkg == "") return
      if (crash) print "CRASH", pkg, msg, frame, where
      else if (first ~ /no package vetx file/) print "SKIP", pkg, first
      else print "FAIL", pkg, first
      pkg = ""
    }
    /^# \[/ { next }
    /^# / { flush(); pkg = substr($0, 3); first = msg = frame = where = ""; crash = stack = own = 0; next }
    pkg == "" && /^go: / { print "GO", $0; next }
    pkg == "" { next }
    first == "" { first = $0 }
    msg == "" && $0 ~ crash_re { msg = $0; crash = 1 }
    /^goroutine [0-9]+ / { stack = 1; next }
    # Name the first frame in one of statelint'"'"'s passes, else the first
    # outside the runtime.
    stack && /^[^ \t]/ && !/^(runtime|internal\/runtime|sync|panic|created by)[.( ]/ &&
      (frame == "" || (!own && /^github\.com\/statelint\/statelint\/passes\//)) {
      own = /^github\.com\/statelint\/statelint\/passes\//
      frame = $0; sub(/\([^()]*\)$/, "", frame)
      if ((getline nxt) > 0) { split(nxt, f, " "); where = f[1]; sub(/^.*\/work\/[^\/]*\//, "", where) }
    }
    END { flush() }
  ' "$1"
}

# vet_module runs statelint on one module and appends to runs.tsv.
vet_module() {
  local mod=$1 ver=$2 dir=$3 tool=$4 out=$5
  shift 5
  local start rc=0 secs ncrash nfail nskip
  start=$(now)
  # timeout signals its whole process group: go vet and the tool processes.
  (cd "$dir" && timeout -k 30 "$TIMEOUT" go vet -vettool="$tool" -json "$@") </dev/null >"$out.json" 2>"$out.log" || rc=$?
  secs=$(elapsed "$start")
  if ((rc == 124 || rc == 137)); then
    printf '# %s\nfatal error: statelint timeout: go vet did not finish in %ss\n' "$mod" "$TIMEOUT" >>"$out.log"
    log "TIMEOUT: $mod: go vet did not finish in ${TIMEOUT}s (packages that did are in $out.json)"
  fi
  classify_log "$out.log" >"$out.problems"
  # A crash that left no "# pkg" block (the go command's own) still counts.
  ncrash=$(grep -c '^CRASH' "$out.problems" || true)
  if ((ncrash == 0)) && grep -Eq "$CRASH_RE" "$out.log"; then
    ncrash=1
  fi
  nfail=$(grep -c '^FAIL' "$out.problems" || true)
  nskip=$(grep -c '^SKIP' "$out.problems" || true)
  if ((ncrash > 0)); then
    log "CRASH: statelint crashed on $ncrash package(s) of $mod (traces in $out.log):"
    grep '^CRASH' "$out.problems" | cut -f2- | sort -t$'\t' -k2 | head -10 |
      awk -F'\t' '{ printf "    %s: %s", $1, $2; if ($3 != "") printf " in %s (%s)", $3, $4; print "" }' >&2
    ((nskip == 0)) || log "    ($nskip dependent package(s) were skipped for want of the crashed packages' facts)"
  fi
  if ((nfail > 0)); then
    log "note: $mod: $nfail package(s) failed to build or type-check and were skipped:"
    grep '^FAIL' "$out.problems" | cut -f2- | head -20 | sed 's/\t/: /; s/^/    /' >&2
  fi
  grep '^GO' "$out.problems" | cut -f2- | sed "s|^|note: $mod: |" >&2 || true
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$mod" "$ver" "$(basename "$out")" "$dir" "$secs" "$rc" \
    "$((ncrash > 0))" "$nfail" "$nskip" >>"$RESULTS/runs.tsv"
  log "vetted $mod in ${secs}s (exit $rc)"
}

# determinism vets one module again with the result cache bypassed and
# compares both outputs, packages sorted (go vet prints them as they finish).
determinism() {
  local mod=$1 ver=$2 dir=$3
  shift 3
  local base again
  base=$RESULTS/$(slug "$mod")
  again=$SCRATCH/determinism/$(slug "$mod")
  mkdir -p "$SCRATCH/determinism"
  log "determinism: vetting $mod a second time, vet cache bypassed"
  local tool rc=0
  tool=$(nonce_copy determinism)
  (cd "$dir" && timeout -k 30 "$TIMEOUT" go vet -vettool="$tool" -json "$@") </dev/null >"$again.json" 2>"$again.log" || rc=$?
  if ((rc == 124 || rc == 137)); then
    log "determinism: skipped, $mod did not finish in ${TIMEOUT}s"
    return 1
  fi
  "$TRIAGE" normalize "$base.json" >"$again.first.norm"
  "$TRIAGE" normalize "$again.json" >"$again.second.norm"
  if ! cmp -s "$again.first.norm" "$again.second.norm"; then
    log "NONDETERMINISTIC: $mod output differs between two runs:"
    diff "$again.first.norm" "$again.second.norm" | head -20 >&2
    return 1
  fi
  log "determinism: $mod identical ($(wc -l <"$again.first.norm") packages)"
}

cmd_fetch() {
  local mod ver pats dir
  mkdir -p "$SCRATCH/src"
  while read -r mod ver pats <&3; do
    dir=$(fetch "$mod" "$ver")
    printf '%s\t%s\t%s\n' "$mod" "$dir" "${pats:-./...}"
  done 3< <(modules "$@")
}

cmd_run() {
  build_tools
  mkdir -p "$SCRATCH/src" "$RESULTS"
  rm -f "$RESULTS"/*.json "$RESULTS"/*.log "$RESULTS"/*.problems "$RESULTS/runs.tsv"
  local tool mod ver pats dir failed=0 first=() patv=()
  # One fresh tool ID per invocation: the results below are real runs, not
  # replays of the vet cache (a cached package would hide a crash).
  tool=$(nonce_copy run)
  while read -r mod ver pats <&3; do
    dir=$(fetch "$mod" "$ver")
    read -r -a patv <<<"${pats:-./...}"
    vet_module "$mod" "$ver" "$dir" "$tool" "$RESULTS/$(slug "$mod")" "${patv[@]}"
    ((${#first[@]})) || first=("$mod" "$ver" "$dir" "${patv[@]}")
  done 3< <(modules "$@")
  [[ -s $RESULTS/runs.tsv ]] || die "no modules selected"

  echo
  "$TRIAGE" summary -results "$RESULTS" || failed=1
  echo
  determinism "${first[@]}" || failed=1

  if awk -F'\t' '$7 == 1 { bad = 1 } END { exit !bad }' "$RESULTS/runs.tsv"; then
    log "FAIL: statelint crashed on at least one module (CRASH rows above; logs in $RESULTS)"
    failed=1
  fi
  if awk -F'\t' 'NR > 1 && $1 != "TOTAL" && $7 > 0 { bad = 1 } END { exit !bad }' "$RESULTS/summary.tsv"; then
    log "FAIL: an analyzer returned an error (ANALYZER ERROR lines above)"
    failed=1
  fi
  ((failed == 0)) || exit 1
  log "realworld: ok; findings for triage: $TRIAGE list -results $RESULTS"
}

# cmd_plain times plain go vet per module. The -printf.funcs value names no
# function; it only changes vet's flags, hence its cache key, so each run
# really analyses every package (the build cache stays warm).
cmd_plain() {
  mkdir -p "$RESULTS"
  local mod ver pats dir start rc secs patv=()
  printf 'module\tversion\texit\tseconds\n' >"$RESULTS/plainvet.tsv"
  while read -r mod ver pats <&3; do
    dir=$(fetch "$mod" "$ver")
    read -r -a patv <<<"${pats:-./...}"
    start=$(now)
    rc=0
    (cd "$dir" && go vet -printf.funcs="statelintnonce$(date +%s%N)$RANDOM" "${patv[@]}") </dev/null \
      >"$RESULTS/$(slug "$mod").plainvet.log" 2>&1 || rc=$?
    secs=$(elapsed "$start")
    printf '%s\t%s\t%s\t%s\n' "$mod" "$ver" "$rc" "$secs" | tee -a "$RESULTS/plainvet.tsv"
  done 3< <(modules "$@")
}

main() {
  local cmd=run
  case ${1:-} in
    run | fetch | plain) cmd=$1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  esac
  "cmd_$cmd" "$@"
}

main "$@"
