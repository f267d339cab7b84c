#!/usr/bin/env bash
# make lessons: execute every notebooks/*.ipynb through the GoNB kernel and
# export lessons/NN-topic.html and lessons/index.html, fully offline (MathJax 2
# and require.js copied beside them, and the explorables: the course's Go
# code compiled to WebAssembly, see scripts/build-explorables.sh). A failing
# cell fails the build, naming the notebook and the cell.
#   LESSONS_DIR=dir   export there instead of lessons/ (make test uses .cache/lessons)
#   NOTEBOOK_BUDGET_S=90, NOTEBOOK_CELL_TIMEOUT_S=600
set -euo pipefail
source "$(dirname "$0")/common.sh"
require_setup
require_webtools
cd "$ROOT"

find_notebooks || exit 0
out="${LESSONS_DIR:-$ROOT/lessons}"
executed="$CACHE/executed"
rm -rf "$executed"

# Warm the Go build cache with everything the notebooks import, so that each
# notebook's time is its own and not the first compile of gonum and plot.
say "warming the Go build cache (go build ./... and gonbui)"
nice go build ./... github.com/janpfeifer/gonb/gonbui ||
	warn "go build ./... failed: the notebooks that import the broken package will fail below"

# No browser answers a headless run: sliders (vizhelpers.Explore) show their
# static figure at once instead of probing for one, and leave no widget
# script in the lesson.
export VIZHELPERS_STATIC=1
say "executing ${#notebooks[@]} notebook(s) with the GoNB kernel (executed copies and kernel logs in .cache/executed)"
"$PY" "$ROOT/tools/nbrun" run --out "$executed" --exact-first-cell \
	--budget "${NOTEBOOK_BUDGET_S:-90}" --cell-timeout "${NOTEBOOK_CELL_TIMEOUT_S:-600}" "${notebooks[@]}"

bash "$ROOT/scripts/build-explorables.sh" "$CACHE/explorables"
say "exporting the lessons to ${out#"$ROOT"/}/"
"$PY" "$ROOT/tools/nbrun" lessons --out "$out" --node-modules "$WEBTOOLS/node_modules" \
	--explorables "$CACHE/explorables" "${notebooks[@]/#notebooks/$executed}"
say "lessons ready: open ${out#"$ROOT"/}/index.html"
