#!/usr/bin/env bash
# Part of make test: a notebook saved outside the repository runs. Copies
# notebooks/01 to a temporary folder outside the checkout and executes it
# with NNCOURSE_DIR unset in this shell: the course must be found through
# the kernel's own environment (kernel.json, written by make setup).
set -euo pipefail
source "$(dirname "$0")/common.sh"
require_setup
tmp="$(mktemp -d /tmp/nncourse-anywhere.XXXXXX)"
trap 'rm -rf "$tmp"' EXIT
cp "$ROOT/notebooks/01-space-and-memory.ipynb" "$tmp/my-notebook.ipynb"
say "executing a copy of notebooks/01 saved in $tmp"
env -u NNCOURSE_DIR VIZHELPERS_STATIC=1 "$PY" "$ROOT/tools/nbrun" run --out "$tmp/out" \
	--cell-timeout "${NOTEBOOK_CELL_TIMEOUT_S:-600}" "$tmp/my-notebook.ipynb"
