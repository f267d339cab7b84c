#!/bin/bash
# run-notebooks.sh DIR NOTEBOOK...: executes each notebook with the GoNB kernel
# from a copy in DIR (where a student's copy would be, outside the course
# folder), failing on the first cell that fails, and prints each one's time.
# The Dockerfile runs it to warm the Go caches; scripts/image-test.sh runs it
# again inside the built image as uid 1000.
set -euo pipefail
dir="$1"
shift
mkdir -p "$dir"
for nb in "$@"; do
    cp "$nb" "$dir/"
    start=$(date +%s)
    log="$dir/$(basename "$nb" .ipynb).log" # GoNB logs every step: shown only on failure
    if ! jupyter nbconvert --to notebook --execute --inplace \
        --ExecutePreprocessor.kernel_name=gonb --ExecutePreprocessor.timeout=1800 \
        "$dir/$(basename "$nb")" >"$log" 2>&1; then
        grep -v '^[IW][0-9]' "$log" | tail -40 >&2
        echo "run-notebooks: $nb FAILED" >&2
        exit 1
    fi
    echo "run-notebooks: $(basename "$nb") executed in $(($(date +%s) - start)) s"
done
