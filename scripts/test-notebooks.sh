#!/usr/bin/env bash
# Part of make test: execute every notebook headless through the real GoNB
# kernel, fail on any error output or unmet expectation (notebook metadata
# nncourse.expect, see notebooks/README.md), report each notebook's time against
# the 90 s budget, export the lessons into .cache/lessons (lessons/ is left
# alone) and check them in headless Chromium (scripts/test-lessons.sh).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

require_python
say "unit tests of the notebook checker (tools/nbrun/*_test.py)"
(cd "$ROOT/tools/nbrun" && "$PY" -m unittest discover -s . -p '*_test.py')

find_notebooks || { say "the notebook test passes only because there are none"; exit 0; }
LESSONS_DIR="$CACHE/lessons" bash "$ROOT/scripts/build-lessons.sh"
bash "$ROOT/scripts/test-lessons.sh" "$CACHE/lessons"
