# Shared by the scripts in this folder: sourced, never run.
# Defines ROOT (the repository), the project-local paths, messages, and
# find_python, which picks the Python that has Jupyter's libraries.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/bin"                       # gonb, goimports, gopls built from go.mod
CACHE="$ROOT/.cache"                  # gitignored: executed notebooks, screenshots, kernelspec
WEBTOOLS="$ROOT/tools/lessons"        # npm package: MathJax 2, require.js, playwright-core
NBRUN="$ROOT/tools/nbrun/nbrun.py"    # executes notebooks through GoNB, exports lessons

# The kernelspec the scripts use lives inside the checkout, so that tests and
# lessons always run this checkout's gonb even when another one is registered.
export JUPYTER_PATH="$CACHE/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
export PATH="$BIN:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
warn() { printf '\033[33mwarning: %s\033[0m\n' "$*" >&2; }
die() {
	printf '\033[31merror: %s\033[0m\n' "$*" >&2
	exit 1
}

# PYTHON_MODULES are what the scripts import: executing (nbclient), exporting
# (nbconvert) and serving (notebook) notebooks.
PYTHON_MODULES="nbclient nbconvert nbformat jupyter_client notebook"

# has_jupyter PY reports whether interpreter PY can import every module the
# scripts need.
has_jupyter() {
	local mods
	mods="$(echo "$PYTHON_MODULES" | tr ' ' ',')"
	"$1" -c "import $mods" >/dev/null 2>&1
}

# find_python prints the first interpreter with Jupyter's libraries:
# $NNCOURSE_PYTHON, Debian's /usr/bin/python3 (the `python3` first on PATH may
# be a pyenv or venv one without them), then python3 on PATH.
find_python() {
	local py
	for py in ${NNCOURSE_PYTHON:-} /usr/bin/python3 "$(command -v python3 || true)"; do
		if [[ -n "$py" && -x "$py" ]] && has_jupyter "$py"; then
			echo "$py"
			return 0
		fi
	done
	return 1
}

# require_python sets PY or stops with the command that fixes it.
require_python() {
	PY="$(find_python)" || die "no Python with Jupyter (modules: $PYTHON_MODULES). Run: make setup"
}

# require_setup stops unless `make setup` has built the tools and the kernelspec.
require_setup() {
	require_python
	[[ -x "$BIN/gonb" && -x "$BIN/goimports" && -f "$CACHE/jupyter/kernels/gonb/kernel.json" ]] ||
		die "the GoNB kernel is not set up in this checkout. Run: make setup"
}

# require_webtools stops unless tools/lessons/node_modules is installed.
require_webtools() {
	[[ -f "$WEBTOOLS/node_modules/mathjax/MathJax.js" && -f "$WEBTOOLS/node_modules/playwright-core/package.json" ]] ||
		die "tools/lessons/node_modules is missing (MathJax, require.js, playwright-core). Run: make setup"
}

# find_notebooks sets the array notebooks to notebooks/*.ipynb (relative to
# ROOT) and fails, saying so, when there are none yet.
find_notebooks() {
	shopt -s nullglob
	notebooks=("$ROOT"/notebooks/*.ipynb)
	notebooks=("${notebooks[@]#"$ROOT"/}")
	if ((${#notebooks[@]} == 0)); then
		say "no notebooks in notebooks/ yet: nothing to execute or export"
		return 1
	fi
}
