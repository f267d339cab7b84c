#!/usr/bin/env bash
# Check exported lessons (default lessons/) offline and in headless Chromium:
# MathJax rendered every formula, every image decoded, the animations are
# there, no console errors, no request leaves 127.0.0.1. Screenshots go to
# .cache/screenshots/. CHROMIUM=/path overrides /usr/bin/chromium.
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
"$PY" "$ROOT/tools/nbrun" check-offline "${pages[@]}" "$dir"/*.css
say "loading them in headless Chromium ($chromium), network cut"
node "$WEBTOOLS/browser-test.mjs" --chromium "$chromium" --screenshots "$CACHE/screenshots" "$dir"
