#!/usr/bin/env bash
# validate-mermaid.sh [FILE.md...]
#
# Validates the Mermaid graphs of statelint's state inventory with the real
# Mermaid parser from the npm registry (scripts/mermaid, versions pinned in
# its package-lock.json), as GitHub renders them in files, pull-request
# comments and job summaries. Fails when a graph does not parse.
#
# Without arguments it writes the inventory of the example shop, and of a
# copy of it whose names need escaping, and validates those. The parser is
# installed with npm ci into a cache under the build directory and reused.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${STATELINT_BUILD_DIR:-$repo/build}
lock_sum=$(sha256sum "$repo/scripts/mermaid/package-lock.json" | cut -c1-12)
cache=$build/cache/mermaid-$lock_sum

if [ $# -eq 0 ]; then
	go -C "$repo" build -o bin/statelint ./cmd/statelint
	mkdir -p "$build/inventory"
	"$repo/bin/statelint" -C "$repo/testdata/shop" -inventory ./... >"$build/inventory/shop.md"
	# Routes and state whose names hold what Mermaid treats specially:
	# quotes, #, braces, backquotes and angle brackets.
	odd=$build/inventory/odd
	rm -rf "$odd" && cp -R "$repo/testdata/shop" "$odd"
	cat >>"$odd/api/server.go" <<'GO'

var quoted = map[string]string{}

func (s *Server) odd(w http.ResponseWriter, r *http.Request) { quoted[r.URL.Path] = "`#x` <b>{y}</b>" }

func (s *Server) oddRoutes(mux *http.ServeMux) {
	mux.HandleFunc(`POST /odd/{"id"}/#frag/<b>`+"`x`", s.odd)
}
GO
	"$repo/bin/statelint" -C "$odd" -inventory ./... >"$build/inventory/odd.md"
	if ! grep -q 'odd' "$build/inventory/odd.md"; then
		echo "validate-mermaid: the odd route is not in the inventory; nothing to validate" >&2
		exit 1
	fi
	set -- "$build/inventory/shop.md" "$build/inventory/odd.md" "$repo/docs/inventory.md"
fi

if [ ! -d "$cache/node_modules/mermaid" ]; then
	rm -rf "$cache" && mkdir -p "$cache"
	cp "$repo/scripts/mermaid/package.json" "$repo/scripts/mermaid/package-lock.json" "$cache/"
	(cd "$cache" && npm ci --silent --no-audit --no-fund >/dev/null)
fi
cp "$repo/scripts/mermaid/validate.mjs" "$cache/"
node "$cache/validate.mjs" "$@"
