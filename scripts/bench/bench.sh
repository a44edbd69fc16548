#!/usr/bin/env bash
# Compare the cost of statelint with plain go vet on large real modules.
#
#   scripts/bench/bench.sh [FILTER...]     (make bench)
#
# FILTER words pick modules from scripts/realworld/modules.txt by substring
# (default: caddy gitea). For each module, with the build cache warm, it
# alternates BENCH_ROUNDS (default 3) rounds of
#     go vet ./...                       (plain, the standard vet tool)
#     go vet -vettool=statelint ./...
# and prints per module the median wall time and the peak RSS of each, and
# the statelint/govet ratios.
#
# Every timed run bypasses go vet's result cache, which since Go 1.26 also
# replays the output of packages vetted before. The cache key covers the vet
# tool's ID, the flags passed to it and the package's build; build tags
# (-tags) are not part of it. So:
#   plain go vet    gets -printf.funcs=<nonce>: a printf-wrapper name that
#                   matches no function, a new flag value each run;
#   statelint       runs as a fresh copy with a nonce appended to the
#                   executable: a unitchecker tool's `-V=full` ID is a hash of
#                   its own file, so each copy is a new tool to the cache.
# Neither changes what is compiled, so compiled dependencies stay cached. The
# table's govet_cached_s column is a replay from the vet cache, for contrast.
#
# Peak RSS is /usr/bin/time -v's "Maximum resident set size" of the go
# command: the rusage maximum over it and its children, i.e. the largest
# single process (a vet tool or compiler instance), not the sum of the
# processes go vet runs in parallel.
#
# Output in $SCRATCH/bench (SCRATCH=${STATELINT_SCRATCH:-/tmp/statelint-realworld}):
#   results.tsv                 one line per timed run
#   summary.tsv                 the printed table
#   govet.txt, statelint.txt    benchstat input: `benchstat govet.txt statelint.txt`
#
# Environment: BENCH_ROUNDS, STATELINT_SCRATCH, STATELINT_BIN (vet tool to
# use instead of building ./cmd/statelint).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCRATCH=${STATELINT_SCRATCH:-/tmp/statelint-realworld}
OUT=$SCRATCH/bench
ROUNDS=${BENCH_ROUNDS:-3}
BENCHSTAT_VERSION=v0.0.0-20260908200009-22c9c6c9d4da # golang.org/x/perf
export GOWORK=off GOTOOLCHAIN=local STATELINT_SCRATCH=$SCRATCH

log() { printf '%s\n' "$*" >&2; }
die() { log "bench.sh: $*"; exit 1; }
nonce() { printf '%s%s%s' "$(date +%s%N)" "$RANDOM" "$RANDOM"; }

ensure_time() {
  [[ -x /usr/bin/time ]] && return
  [[ $(id -u) == 0 ]] || die "/usr/bin/time is missing: apt-get install time"
  log "installing Debian package time"
  apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
}

ensure_benchstat() {
  BENCHSTAT=$SCRATCH/bin/benchstat
  [[ -x $BENCHSTAT ]] && return
  GOBIN=$SCRATCH/bin go install "golang.org/x/perf/cmd/benchstat@$BENCHSTAT_VERSION" ||
    { log "warning: could not install benchstat; skipping its report"; BENCHSTAT=; }
}

build_statelint() {
  mkdir -p "$SCRATCH/bin"
  if [[ -n ${STATELINT_BIN:-} ]]; then
    BIN=$(cd "$(dirname "$STATELINT_BIN")" && pwd)/$(basename "$STATELINT_BIN")
  else
    (cd "$ROOT" && go build -o bin/statelint ./cmd/statelint)
    BIN=$ROOT/bin/statelint
  fi
}

# fresh_statelint prints a copy of the tool that go vet has never seen.
fresh_statelint() {
  local copy=$OUT/tool/statelint-$1
  mkdir -p "$OUT/tool"
  rm -f "$OUT"/tool/statelint-*
  cp "$BIN" "$copy"
  printf '\n#bench-nonce %s\n' "$(nonce)" >>"$copy"
  printf '%s\n' "$copy"
}

# vet_args prints the go vet arguments (one a line) for a tool; with
# fresh=1 they bypass the vet result cache.
vet_args() {
  local tool=$1 fresh=$2
  case $tool/$fresh in
    govet/1) printf '%s\n' "-printf.funcs=benchnonce$(nonce)" ;;
    govet/0) printf '%s\n' "-printf.funcs=benchfixed" ;;
    statelint/1) printf '%s\n' "-vettool=$(fresh_statelint "$(nonce)")" ;;
  esac
}

# timed runs go vet in dir and prints "seconds<TAB>maxrss_kb<TAB>exit".
# A non-zero exit (findings, or a package that does not build) is recorded,
# not fatal: the time is still that of the whole analysis.
timed() {
  local dir=$1 tool=$2 fresh=$3 rc=0 start end rss
  shift 3
  local -a args
  mapfile -t args < <(vet_args "$tool" "$fresh")
  start=$(date +%s.%N)
  (cd "$dir" && /usr/bin/time -v -o "$OUT/time.txt" go vet "${args[@]}" "$@") \
    </dev/null >"$OUT/last-$tool.log" 2>&1 || rc=$?
  end=$(date +%s.%N)
  rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$OUT/time.txt")
  awk -v a="$start" -v b="$end" -v r="${rss:-0}" -v c="$rc" 'BEGIN { printf "%.2f\t%s\t%s\n", b - a, r, c }'
}

bench_module() {
  local mod=$1 dir=$2 name cached r tool line
  shift 2
  name=$(printf '%s' "$mod" | tr '/' '_')
  # Compiled dependencies are the same for both tools: one plain run warms
  # the build cache, and a second one with the same flags shows what a
  # replay from the vet cache costs, to compare the timed runs against.
  log "== $mod: warming the build cache"
  timed "$dir" govet 0 "$@" >/dev/null
  cached=$(timed "$dir" govet 0 "$@" | cut -f1)
  printf '%s\t%s\n' "$mod" "$cached" >>"$OUT/cached.tsv"
  log "   plain go vet replayed from the vet cache: ${cached}s"
  for ((r = 1; r <= ROUNDS; r++)); do
    # Alternate which tool goes first, so drift hits both alike.
    for tool in $( ((r % 2)) && echo govet statelint || echo statelint govet); do
      line=$(timed "$dir" "$tool" 1 "$@")
      printf '%s\t%s\t%s\t%s\n' "$mod" "$tool" "$r" "$line" >>"$OUT/results.tsv"
      log "   round $r $tool: $(cut -f1 <<<"$line")s, $(cut -f2 <<<"$line") KB peak RSS, exit $(cut -f3 <<<"$line")"
      awk -F'\t' -v n="$name" '{ printf "BenchmarkVet/%s 1 %.0f ns/op %.0f peak-RSS-bytes\n", n, $1 * 1e9, $2 * 1024 }' \
        <<<"$line" >>"$OUT/$tool.txt"
    done
  done
}

# summarize prints, per module, medians of wall time and peak RSS.
summarize() {
  awk -F'\t' '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    FILENAME ~ /cached.tsv$/ { cached[$1] = $2; next }
    !($1 in seen) { seen[$1] = 1; order[++m] = $1 }
    { wall[$1, $2] = wall[$1, $2] " " $4; rss[$1, $2] = rss[$1, $2] " " $5 }
    END {
      print "module\tgovet_s\tstatelint_s\ttime_ratio\tgovet_rss_MB\tstatelint_rss_MB\trss_ratio\tgovet_cached_s"
      for (i = 1; i <= m; i++) {
        k = order[i]
        gw = median(wall[k, "govet"]); sw = median(wall[k, "statelint"])
        gr = median(rss[k, "govet"]) / 1024; sr = median(rss[k, "statelint"]) / 1024
        printf "%s\t%.1f\t%.1f\t%.2f\t%.0f\t%.0f\t%.2f\t%.1f\n", k, gw, sw, sw / gw, gr, sr, sr / gr, cached[k]
        if (gw < 1.5 * cached[k]) warn = warn "WARNING: " k ": timed plain go vet is barely slower than a vet-cache replay; timings may be replays\n"
      }
      printf "%s", warn > "/dev/stderr"
    }' "$OUT/cached.tsv" "$OUT/results.tsv"
}

main() {
  (($#)) || set -- caddyserver/caddy code.gitea.io/gitea
  ensure_time
  build_statelint
  ensure_benchstat
  mkdir -p "$OUT"
  rm -f "$OUT/results.tsv" "$OUT/cached.tsv" "$OUT/govet.txt" "$OUT/statelint.txt"
  local mod dir pats
  local -a patv
  while IFS=$'\t' read -r mod dir pats <&3; do
    read -r -a patv <<<"$pats"
    bench_module "$mod" "$dir" "${patv[@]}"
  done 3< <("$ROOT/scripts/realworld/run.sh" fetch "$@")
  [[ -s $OUT/results.tsv ]] || die "no modules matched: $*"
  rm -rf "$OUT/tool"

  echo
  echo "median of $ROUNDS rounds, build cache warm, vet cache bypassed; peak RSS = largest single process"
  summarize | tee "$OUT/summary.tsv" | column -t -s $'\t'
  if [[ -n $BENCHSTAT ]]; then
    echo
    (cd "$OUT" && "$BENCHSTAT" govet.txt statelint.txt)
  fi
  log "raw runs: $OUT/results.tsv"
}

main "$@"
