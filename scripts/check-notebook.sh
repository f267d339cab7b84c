#!/usr/bin/env bash
# make check NB=path/to/notebook.ipynb: execute any notebook headless through
# this checkout's GoNB kernel with the checker make test uses (tools/nbrun):
# it stops at the first cell that errs, panics or writes to stderr and prints
# that cell and its error (nbconvert says only "exit status 2" for a panic).
# The executed copy and the kernel log go to .cache/check/.
set -euo pipefail
source "$(dirname "$0")/common.sh"
require_setup
nb="${1:-}"
[[ -n "$nb" ]] || die "usage: make check NB=path/to/notebook.ipynb"
[[ -f "$nb" ]] || die "no notebook at $nb"
out="$CACHE/check"
export VIZHELPERS_STATIC=1
say "executing $nb (executed copy and kernel log in ${out#"$ROOT"/}/)"
exec "$PY" "$ROOT/tools/nbrun" run --out "$out" \
	--budget "${NOTEBOOK_BUDGET_S:-90}" --cell-timeout "${NOTEBOOK_CELL_TIMEOUT_S:-600}" "$(realpath "$nb")"
