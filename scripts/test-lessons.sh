#!/usr/bin/env bash
# Check exported lessons (default lessons/) offline and in headless Chromium:
# MathJax rendered every formula, every image decoded, the animations are
# there, no console errors, no request leaves 127.0.0.1. Screenshots go to
# .cache/screenshots/. Then every explorable's sliders are moved, over HTTP
# and from file://, and each figure drawn by the WebAssembly build is
# compared with the trajectories cmd/explorables computes natively.
# CHROMIUM=/path overrides /usr/bin/chromium.
set -euo pipefail
source "$(dirname "$0")/common.sh"
require_python
require_webtools
dir="$(cd "${1:-$ROOT/lessons}" && pwd)"
chromium="${CHROMIUM:-$(command -v chromium || true)}"
[[ -x "$chromium" ]] || die "the browser test needs Chromium: sudo apt-get install chromium (or set CHROMIUM=/path/to/chrome)"
command -v node >/dev/null || die "the browser test needs Node.js 20+"

shopt -s nullglob
pages=("$dir"/*.html)
((${#pages[@]})) || die "no lessons in $dir: run make lessons"
say "checking ${#pages[@]} page(s) in ${dir#"$ROOT"/}/ for external references"
explorables=()
[[ -f "$dir/explorables.js" ]] && explorables=("$dir"/explorables.js "$dir"/explorables-wasm.js "$dir"/wasm_exec.js)
"$PY" "$ROOT/tools/nbrun" check-offline "${pages[@]}" "$dir"/*.css "${explorables[@]}"
say "loading them in headless Chromium ($chromium), network cut"
node "$WEBTOOLS/browser-test.mjs" --chromium "$chromium" --screenshots "$CACHE/screenshots" "$dir"
if ((${#explorables[@]})); then
	say "driving the explorables (the WebAssembly build against cmd/explorables, native)"
	expect="$CACHE/bin/explorables"
	(cd "$ROOT" && go build -o "$expect" ./cmd/explorables)
	node "$WEBTOOLS/explorables-test.mjs" --chromium "$chromium" --expect "$expect" "$dir"
fi
