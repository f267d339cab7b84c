#!/usr/bin/env bash
# Build the lessons' explorables into DIR (default .cache/explorables):
#   explorables-wasm.js  the Go package explorables compiled to WebAssembly
#                        (explorables/wasm, GOOS=js GOARCH=wasm), in base64,
#                        so that a <script> tag loads it, also from file://
#   wasm_exec.js         the Go toolchain's loader for it, of the same Go
#   explorables.js       the page's script (explorables/web), which adds the
#                        sliders and loads the other two when needed
# It prints the module's size against the 4 MB budget.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
out="${1:-$CACHE/explorables}"
mkdir -p "$out"
goroot="$(go env GOROOT)"
exec_js="$goroot/lib/wasm/wasm_exec.js" # Go ≥ 1.24; misc/wasm before
[[ -f "$exec_js" ]] || exec_js="$goroot/misc/wasm/wasm_exec.js"
[[ -f "$exec_js" ]] || die "no wasm_exec.js in $goroot (lib/wasm or misc/wasm)"

wasm="$out/explorables.wasm"
GOOS=js GOARCH=wasm nice go build -trimpath -ldflags="-s -w" -o "$wasm" ./explorables/wasm
{
	printf '// The Go package explorables compiled to WebAssembly (%s), in base64.\n' "$(go env GOVERSION)"
	printf 'globalThis.nncourseExplorablesWasm = "'
	base64 -w0 "$wasm"
	printf '";\n'
} >"$out/explorables-wasm.js"
cp "$exec_js" "$out/wasm_exec.js"
cp explorables/web/explorables.js "$out/explorables.js"
size=$(stat -c %s "$wasm")
rm "$wasm"
say "explorables: WebAssembly module $((size / 1024)) KiB (budget 4096 KiB), $(($(stat -c %s "$out/explorables-wasm.js") / 1024)) KiB in base64, in ${out#"$ROOT"/}/"
((size <= 4 * 1024 * 1024)) || die "the explorables' WebAssembly module is $size bytes, over the 4 MB budget"
